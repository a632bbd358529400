export { DESIGN_KINDS, type DesignDocument, type DesignKind, type DesignProblem, type SourceLocation } from './model/design-document';
export type * from './model/site-design';
