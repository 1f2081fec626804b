/**
 * How much heap one customer costs: {@link dev.concierge.benchmarks.footprint.EntityFootprint} holds many
 * customers' state in memory and measures the retained heap per customer, for the compact state the
 * customer actor keeps and for a straightforward baseline in the same run. See BENCHMARKS.md.
 */
package dev.concierge.benchmarks.footprint;
