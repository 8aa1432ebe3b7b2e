// The area directory of one request: the hierarchy versions (read at most once), where areas sit in them
// (AreaHierarchy) and what became of areas across them (AreaSuccession). The service context makes one per
// request, and everything that reads areas for that request (services, loaders, the area scope, Area
// references) takes it from there. Nothing outlives the request: an import may add a version between two
// requests, and several copies of a service answer behind a load balancer (docs/decisions/0096).
// Command-line tools, which have no request, make one per run.
import type { Database } from "../database/client";
import { AreaHierarchy } from "./area-hierarchy";
import { HierarchyTimeline } from "./hierarchy-timeline";
import { AreaSuccession } from "./succession";

export class AreaDirectory {
  readonly hierarchy: AreaHierarchy;
  readonly succession: AreaSuccession;

  constructor(
    readonly db: Database,
    private versions?: Promise<HierarchyTimeline>,
  ) {
    this.hierarchy = new AreaHierarchy(db, () => this.timeline());
    this.succession = new AreaSuccession(db);
  }

  /** The hierarchy versions, read once per directory (one request). */
  timeline(): Promise<HierarchyTimeline> {
    this.versions ??= HierarchyTimeline.load(this.db);
    return this.versions;
  }

  /**
   * The same directory reading through `db` (a transaction the request joins): the versions read so far are
   * kept; when none were read yet, the joined directory reads them through `db`.
   */
  through(db: Database): AreaDirectory {
    return new AreaDirectory(db, this.versions);
  }
}
