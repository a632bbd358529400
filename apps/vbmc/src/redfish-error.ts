/** Redfish's error body (DSP0266 §9.6), as BMCs return it with 4xx/5xx answers. */
export function redfishError(messageId: string, message: string) {
  return {
    error: {
      code: `Base.1.8.${messageId}`,
      message,
      '@Message.ExtendedInfo': [{ MessageId: `Base.1.8.${messageId}`, Message: message, Severity: 'Critical' }],
    },
  };
}
