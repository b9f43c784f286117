import { awsBedrockHttpError, awsErrorType } from './aws-bedrock-error.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('awsErrorType', () => {
  it('reads the header and strips the URI', () => {
    expect(
      awsErrorType(
        { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/' },
        '',
      ),
    ).toBe('ThrottlingException');
  });

  it('falls back on the body __type and strips its namespace', () => {
    expect(
      awsErrorType({}, '{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"x"}'),
    ).toBe('UnrecognizedClientException');
  });

  it('finds nothing in a plain body', () => {
    expect(awsErrorType({}, 'Bad Gateway')).toBeUndefined();
  });
});

describe('awsBedrockHttpError', () => {
  const error = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    awsBedrockHttpError({
      status,
      headers,
      bodyText: typeof body === 'string' ? body : JSON.stringify(body),
      secrets: [SECRET],
    });

  it('tells a refused credential from a missing permission, though both are 403', () => {
    const unknownKey = error(
      403,
      { message: 'The security token included in the request is invalid.' },
      {
        'x-amzn-errortype':
          'UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/',
      },
    );
    expect(unknownKey).toMatchObject({ kind: 'auth_failed', details: { status: 403 } });
    expect(unknownKey.message).toBe(
      'aws-bedrock: UnrecognizedClientException: The security token included in the request is invalid.',
    );

    const badSignature = error(403, {
      __type: 'InvalidSignatureException',
      Message: 'The request signature we calculated does not match the signature you provided.',
    });
    expect(badSignature.kind).toBe('auth_failed');

    const denied = error(
      403,
      {
        Message: 'User: arn:aws:iam::123456789012:user/app is not authorized to perform: bedrock:InvokeModel',
      },
      { 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/' },
    );
    expect(denied.kind).toBe('permission_denied');
    expect(denied.message).toContain('AccessDeniedException: User: arn:aws:iam::123456789012:user/app');
  });

  it.each([
    [429, 'ThrottlingException', 'rate_limited'],
    [400, 'ServiceQuotaExceededException', 'rate_limited'],
    [429, 'ModelNotReadyException', 'rate_limited'],
    [400, 'ValidationException', 'invalid_request'],
    [404, 'ResourceNotFoundException', 'invalid_request'],
    [408, 'ModelTimeoutException', 'timeout'],
    [424, 'ModelErrorException', 'unavailable'],
    [500, 'InternalServerException', 'unavailable'],
    [503, 'ServiceUnavailableException', 'unavailable'],
    [403, 'ExpiredTokenException', 'auth_failed'],
  ])('maps %i %s to %s', (status, type, kind) => {
    expect(
      error(status, { message: 'm' }, { 'x-amzn-errortype': `${type}:http://internal.amazon.com/` }).kind,
    ).toBe(kind);
  });

  it('falls back on the status when there is no type', () => {
    expect(
      error(400, { message: 'The content field in the Message object at messages.1 is empty.' }).kind,
    ).toBe('invalid_request');
    expect(error(502, '<html>Bad Gateway</html>')).toMatchObject({
      kind: 'unavailable',
      message: 'aws-bedrock: HTTP 502 Bad Gateway',
    });
    expect(error(403, { message: 'Forbidden' }).kind).toBe('permission_denied');
  });

  it('keeps the wait asked for by a throttled answer', () => {
    const throttled = error(
      429,
      { message: 'Too many requests' },
      {
        'x-amzn-errortype': 'ThrottlingException',
        'retry-after': '3',
      },
    );
    expect(throttled.retryAfterSeconds).toBe(3);
  });

  it('scrubs secret values and key ids from the message', () => {
    const leaked = error(400, { message: `bad secret ${SECRET} for AKIAIOSFODNN7EXAMPLE` });
    expect(leaked.message).toBe('aws-bedrock: bad secret [redacted] for [redacted]');
  });
});
