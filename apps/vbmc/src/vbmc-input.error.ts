/** A problem with what the caller asked for (flags, mockup folder, certificate files): the CLI prints usage for these. */
export class VbmcInputError extends Error {
  override name = 'VbmcInputError';
}

/** A system id that is not one of the clones (the control API answers 404). */
export class UnknownSystemError extends VbmcInputError {
  override name = 'UnknownSystemError';
}
