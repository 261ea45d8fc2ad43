/** What the officer's and the council's screens show of one leaf: plain, serializable values. */
export type EvidenceView = { id: string; name: string; mimeType: string; sizeBytes: number; uploadedAt: string };

export type CommentView = { kind: "note" | "adjustment" | "return" | "explanation"; body: string; authorName: string | null; createdAt: string };

export type LeafView = {
  code: string;
  name: string;
  maxPoints: string;
  method: "appraisal" | "survey";
  selfPoints: string | null;
  selfNotApplicable: boolean;
  selfNotApplicableReason: string | null;
  selfNote: string | null;
  appraisedPoints: string | null;
  notApplicable: boolean;
  appraisalReason: string | null;
  reviewState: "pending" | "accepted" | "adjusted" | "returned" | "explained";
  /** null: the leaf has no saved row yet. */
  version: number | null;
  updatedByName: string | null;
  updatedAt: string | null;
  comments: CommentView[];
  evidence: EvidenceView[];
  /** What the council may decide on this leaf now. */
  decisions: ("accept" | "adjust" | "return")[];
  /** Whether the officer may explain this leaf now (it was returned). */
  canExplain: boolean;
  /** "index" or a SIPAS element's code when the leaf's points follow from the approved SIPAS figures. */
  sipasInput: string | null;
};

export type TreeNodeView = { code: string; name: string; maxPoints: string; depth: number; children: TreeNodeView[]; leaf: LeafView | null };
