// Status classes: which statuses say an event happened, is to happen, or did not happen.

/** Said to have happened or to be under way. */
export const OCCURRED = new Set(["held", "ongoing"]);
/** Announced or committed to by someone: a plan or a promise. */
export const PLANNED = new Set(["planned", "promised", "proposed"]);
/** Statuses that settle what became of a plan. */
export const OUTCOMES = new Set(["held", "ongoing", "cancelled", "denied", "rejected"]);

/** Two statuses of one event that cannot both be true, whatever the order of the reports. A proposal
 * and its denial ("Trump proposed a three-way summit" / "it was not discussed") disagree on whether it was put forward at all. */
export function contradicts(a: string, b: string): boolean {
  const one = (x: string, y: string) =>
    (OCCURRED.has(x) && (y === "denied" || y === "cancelled")) || (PLANNED.has(x) && y === "denied");
  return one(a, b) || one(b, a);
}
