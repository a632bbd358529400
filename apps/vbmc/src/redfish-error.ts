/**
 * A Redfish error answer (DSP0266 §9.6). Handlers throw these and one place turns them into
 * HTTP, so every 4xx/5xx carries the body real BMCs send and clients (sushy) parse.
 * Message ids are from the Base 1.8 registry; the texts paraphrase it.
 */
export class RedfishError extends Error {
  override name = 'RedfishError';

  constructor(
    readonly status: number,
    readonly messageId: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody() {
    return redfishError(this.messageId, this.message);
  }
}

/** Redfish's error body, as BMCs return it with 4xx/5xx answers. */
export function redfishError(messageId: string, message: string) {
  const id = `Base.1.8.${messageId}`;
  return {
    error: {
      code: id,
      message,
      '@Message.ExtendedInfo': [{ '@odata.type': '#Message.v1_1_1.Message', MessageId: id, Message: message, Severity: 'Critical' }],
    },
  };
}

const bad = (messageId: string, message: string) => new RedfishError(400, messageId, message);

export const RedfishErrors = {
  notFound: (uri: string) => new RedfishError(404, 'ResourceMissingAtURI', `The resource at the URI ${uri} was not found.`),
  methodNotAllowed: (method: string, uri: string, allow: string[]) =>
    new RedfishError(405, 'OperationNotAllowed', `The ${method} operation is not allowed on ${uri}.`, { Allow: allow.join(', ') }),
  malformedJson: () => bad('MalformedJSON', 'The request body submitted was malformed JSON and could not be parsed.'),
  propertyUnknown: (name: string) => bad('PropertyUnknown', `The property ${name} is not in the list of valid properties for the resource.`),
  propertyNotWritable: (name: string) => bad('PropertyNotWritable', `The property ${name} is a read only property and cannot be assigned a value.`),
  propertyMissing: (name: string) => bad('PropertyMissing', `The property ${name} is a required property and must be included in the request.`),
  propertyValueNotInList: (value: unknown, name: string) =>
    bad('PropertyValueNotInList', `The value ${JSON.stringify(value)} for the property ${name} is not in the list of acceptable values.`),
  propertyValueTypeError: (value: unknown, name: string) =>
    bad('PropertyValueTypeError', `The value ${JSON.stringify(value)} for the property ${name} is of a different type than the property can accept.`),
  actionParameterMissing: (action: string, name: string) =>
    bad('ActionParameterMissing', `The action ${action} requires the parameter ${name} to be present in the request body.`),
  actionParameterUnknown: (action: string, name: string) =>
    bad('ActionParameterUnknown', `The action ${action} was submitted with the invalid parameter ${name}.`),
  actionParameterNotSupported: (value: unknown, name: string, action: string) =>
    bad('ActionParameterNotSupported', `The parameter ${name} for the action ${action} does not support the value ${JSON.stringify(value)}.`),
  actionParameterValueFormatError: (value: unknown, name: string, action: string) =>
    bad('ActionParameterValueFormatError', `The value ${JSON.stringify(value)} for the parameter ${name} in the action ${action} is of a different format than the parameter can accept.`),
  preconditionFailed: (uri: string) =>
    new RedfishError(412, 'PreconditionFailed', `The ETag supplied did not match the ETag required to change ${uri}.`),
  resourceInUse: (uri: string) => new RedfishError(409, 'ResourceInUse', `The change to ${uri} failed because the resource is in use or in transition.`),
  unauthorized: (messageId: 'NoValidSession' | 'AccessDenied', message: string) =>
    new RedfishError(401, messageId, message, { 'WWW-Authenticate': 'Basic realm="vbmc"' }),
  propertyValueFormatError: (value: unknown, name: string) =>
    bad('PropertyValueFormatError', `The value ${JSON.stringify(value)} for the property ${name} is of a different format than the property can accept.`),
  actionNotSupported: (action: string) => bad('ActionNotSupported', `The action ${action} is not supported by the resource.`),
  sessionLimitExceeded: () => new RedfishError(503, 'SessionLimitExceeded', 'The session establishment failed due to the number of simultaneous sessions exceeding the limit of the implementation.'),
};
