import { describeSmtpError, isPermanentRefusal, recipientAnswers } from './smtp-errors.js';

const smtpError = (fields: object) => Object.assign(new Error('failed'), fields);

describe('SMTP errors', () => {
  it.each([
    [smtpError({ responseCode: 550, response: '550 5.1.1 No such user' }), true],
    [smtpError({ responseCode: 554 }), true],
    [smtpError({ responseCode: 421, response: '421 Try again later' }), false],
    [smtpError({ responseCode: 451 }), false],
    [smtpError({ code: 'ECONNECTION' }), false],
    [smtpError({ code: 'ETIMEDOUT' }), false],
    [new Error('socket hang up'), false],
  ])('should tell whether %p is final: %p', (error, permanent) => {
    expect(isPermanentRefusal(error)).toBe(permanent);
  });

  it('should describe an error by the server answer, or by its code and message', () => {
    expect(describeSmtpError(smtpError({ responseCode: 550, response: '550 5.1.1 No such user' }))).toBe(
      '550 5.1.1 No such user',
    );
    expect(describeSmtpError(smtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' }))).toBe(
      'ECONNECTION: connect ECONNREFUSED 127.0.0.1:25',
    );
  });
});

describe('recipientAnswers', () => {
  it("should pair each refused recipient with the server's reply", () => {
    const refusal = Object.assign(new Error('Recipient command failed'), {
      recipient: 'v@vendor.example',
      responseCode: 550,
      response: '550 5.1.1 User unknown',
    });
    expect(
      recipientAnswers({ accepted: ['cm@city.example'], rejected: ['v@vendor.example'], rejectedErrors: [refusal] }),
    ).toEqual({
      accepted: ['cm@city.example'],
      refused: [{ address: 'v@vendor.example', responseCode: 550, response: '550 5.1.1 User unknown' }],
    });
    expect(recipientAnswers({ accepted: ['cm@city.example'] })).toEqual({ accepted: ['cm@city.example'], refused: [] });
  });
});
