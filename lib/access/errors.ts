/** Typed failures that every action and route maps to what the user sees (V-2, D-3). */
export const PERMISSION_DENIED = "You do not have permission to perform this action.";
export const STALE_ITEM = "This item was changed by someone else. Reload and try again.";

export class NotFoundError extends Error {
  constructor(message = "Not found.") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = PERMISSION_DENIED) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** A rule from §8 refused the input; `field` names the form field when there is one. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ValidationError";
  }
}
