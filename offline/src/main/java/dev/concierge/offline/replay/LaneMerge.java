package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The merge every source shares: events go into lanes, one per customer and input (a Kafka
 * partition; files and the journal have one input), each lane first in, first out; the merge always
 * takes the head of the lane whose head is earliest by (event time, customerId, input). So each
 * customer's events keep their persisted order, the whole is in time order wherever each customer's
 * own events are, and ties are broken the same way every time.
 *
 * <p>Empty lanes are dropped, so a merge fed in time order holds only the events not yet taken.
 */
final class LaneMerge {

  private static final class Lane {
    private final String customerId;
    private final int input;
    private final ArrayDeque<EventRecorded> events = new ArrayDeque<>();

    Lane(String customerId, int input) {
      this.customerId = customerId;
      this.input = input;
    }

    Instant headTime() {
      return events.peekFirst().event().timestamp();
    }
  }

  private static int byHead(Lane a, Lane b) {
    int byTime = a.headTime().compareTo(b.headTime());
    if (byTime != 0) {
      return byTime;
    }
    int byCustomer = a.customerId.compareTo(b.customerId);
    return byCustomer != 0 ? byCustomer : Integer.compare(a.input, b.input);
  }

  private final List<Map<String, Lane>> lanesByInput;
  private final int[] sizeByInput;
  private final PriorityQueue<Lane> heads = new PriorityQueue<>(LaneMerge::byHead);
  private long size;

  LaneMerge(int inputs) {
    lanesByInput = new ArrayList<>(inputs);
    for (int i = 0; i < inputs; i++) {
      lanesByInput.add(new HashMap<>());
    }
    sizeByInput = new int[inputs];
  }

  void add(int input, EventRecorded recorded) {
    String customerId = recorded.event().customerId();
    Lane lane = lanesByInput.get(input).computeIfAbsent(customerId, id -> new Lane(id, input));
    lane.events.addLast(recorded);
    if (lane.events.size() == 1) {
      heads.add(lane);
    }
    sizeByInput[input]++;
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  long size() {
    return size;
  }

  int sizeOf(int input) {
    return sizeByInput[input];
  }

  /** The time of the event {@link #poll()} would take; the merge must not be empty. */
  Instant headTime() {
    return heads.peek().headTime();
  }

  /** Takes the next event in merge order; the merge must not be empty. */
  EventRecorded poll() {
    Lane lane = heads.poll();
    EventRecorded next = lane.events.pollFirst();
    if (lane.events.isEmpty()) {
      lanesByInput.get(lane.input).remove(lane.customerId);
    } else {
      heads.add(lane);
    }
    sizeByInput[lane.input]--;
    size--;
    return next;
  }
}
