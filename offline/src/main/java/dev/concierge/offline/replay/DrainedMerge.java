package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;

/** A merge that already holds every event of the replay (journal, unsorted file): takes them in order. */
final class DrainedMerge implements MergedEvents {

  private final LaneMerge merge;

  DrainedMerge(LaneMerge merge) {
    this.merge = merge;
  }

  @Override
  public EventRecorded next() {
    return merge.isEmpty() ? null : merge.poll();
  }

  @Override
  public void close() {
    // the events are in memory; nothing to release
  }
}
