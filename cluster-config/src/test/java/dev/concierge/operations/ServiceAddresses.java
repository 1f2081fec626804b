package dev.concierge.operations;

import dev.concierge.testing.RealServices;

/** Where the nodes of a test find Kafka and Cassandra. */
record ServiceAddresses(String kafkaBootstrap, String cassandraContactPoint) {

  /** The services {@code bin/concierge test} started for the whole suite. */
  static ServiceAddresses shared() {
    return new ServiceAddresses(RealServices.kafkaBootstrap(), RealServices.cassandraContactPoint());
  }
}
