package dev.crmkit.spi;

/**
 * One domain's part of the storage contract: the stores of one domain (customers, touch points, leads, ...),
 * offered by an adapter as a whole or not at all.
 *
 * <p>A {@link Storage} offers a capability by implementing its interface (the default
 * {@link Storage#capability(Class)} then finds it), or by overriding {@code capability} to hand out a separate
 * object; {@link Storage#with(Class, StorageCapability)} adds one to any storage. The core asks for the capabilities
 * of the domains it runs and refuses to start, naming the missing capability, when one is absent. The contract suite
 * checks each capability an adapter offers and skips, with an assumption naming it, each one it does not.
 *
 * <p>A host or an ISV adds a capability of its own for a domain of its own by extending this interface; nothing in
 * CRMKit needs to know it.
 */
public interface StorageCapability {
}
