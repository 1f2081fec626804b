package dev.concierge.api.dto;

import com.typesafe.config.Config;

/**
 * How much a request body may hold and how large its numbers may be, read from {@code concierge.http}:
 * they bound what one request costs, and keep every number one the rules and features can use.
 *
 * @param maxEventsPerRequest largest array {@code POST /v1/events} accepts
 * @param defaultDecisionLimit items returned when a decision request gives no {@code limit}
 * @param maxDecisionLimit largest {@code limit}, pin position and diversity count a decision may ask for
 * @param maxItemsPerList longest list or map a body may hold: {@code candidates}, {@code exclude}, each
 *     map and list of {@code rules}, an experiment's {@code arms}
 * @param maxBoostFactor largest factor of {@code rules.boost}
 * @param maxArmWeight largest weight of an experiment's arm
 * @param maxAddressLength longest node address of a shard move or a drain
 */
public record RequestLimits(
    int maxEventsPerRequest,
    int defaultDecisionLimit,
    int maxDecisionLimit,
    int maxItemsPerList,
    double maxBoostFactor,
    double maxArmWeight,
    int maxAddressLength) {

  /** @param http the {@code concierge.http} section */
  public static RequestLimits fromConfig(Config http) {
    return new RequestLimits(
        http.getInt("max-events-per-request"),
        http.getInt("default-decision-limit"),
        http.getInt("max-decision-limit"),
        http.getInt("max-items-per-list"),
        http.getDouble("max-boost-factor"),
        http.getDouble("max-arm-weight"),
        http.getInt("max-address-length"));
  }

  /** These limits with another {@link #maxEventsPerRequest}. */
  public RequestLimits withMaxEventsPerRequest(int max) {
    return new RequestLimits(
        max, defaultDecisionLimit, maxDecisionLimit, maxItemsPerList, maxBoostFactor, maxArmWeight, maxAddressLength);
  }
}
