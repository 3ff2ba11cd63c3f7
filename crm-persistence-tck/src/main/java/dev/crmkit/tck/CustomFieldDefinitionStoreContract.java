package dev.crmkit.tck;

/** Placeholder: the contract tests for this part of the SPI are being written. */
public abstract class CustomFieldDefinitionStoreContract extends ContractSupport {
}
