package dev.crmkit.examples;

/**
 * Runs every scenario in turn, each on its own embedded H2 database: the retailer's customers and touch points,
 * the software company's leads, deals and reports, a car dealer's own test-drive domain plugged into CRMKit, and a
 * sales forecast written as an HTML report, a shop's loyalty club, and a kettle maker's service desk. The README's
 * first command runs this.
 *
 * <pre>mvn -q -pl examples -am compile exec:java</pre>
 */
public final class Examples {
    private Examples() {
    }

    public static void main(String[] args) {
        System.out.println("== Retailer: customers, touch points, duplicates, follow-ups, the 360-degree view");
        RetailerScenario.main(args);
        System.out.println();
        System.out.println("== Software sales: leads, scoring, distribution, conversion, deals, reports");
        SalesScenario.main(args);
        System.out.println();
        System.out.println("== Car dealer: a host's own domain (test drives) beside CRMKit's, merged with its customers");
        DealerScenario.main(args);
        System.out.println();
        System.out.println("== Forecasting: pipeline by fiscal quarter, quotas, a statistical forecast, an HTML report");
        ForecastScenario.main(args);
        System.out.println();
        System.out.println("== Loyalty: purchases, accrual, tiers, a redemption, a return, a statement, liability");
        LoyaltyScenario.main(args);
        System.out.println();
        System.out.println("== Service desk: tickets from four channels, routing, an escalation, surveys, reports");
        ServiceScenario.main(args);
    }
}
