import { recipientOutcome, recipientsStillDue } from './recipient-delivery.js';

const refused = (address: string, responseCode: number | undefined, response = `${responseCode} no`) => ({
  address,
  responseCode,
  response,
});

describe('recipientsStillDue', () => {
  it('should leave out who already accepted, case aside, and name each address once', () => {
    expect(recipientsStillDue(['Vendor@v.example'], ['cm@city.example', 'vendor@v.example'], [])).toEqual([
      'Vendor@v.example',
      'cm@city.example',
    ]);
    expect(recipientsStillDue(['vendor@v.example'], ['cm@city.example'], ['CM@city.example'])).toEqual([
      'vendor@v.example',
    ]);
    expect(recipientsStillDue(['vendor@v.example'], [], ['vendor@v.example'])).toEqual([]);
  });
});

describe('recipientOutcome', () => {
  const to = ['vendor@v.example'];

  it('should be sent when every `to` was accepted', () => {
    expect(recipientOutcome(to, [], { accepted: ['vendor@v.example', 'cm@city.example'], refused: [] })).toEqual({
      status: 'sent',
      deliveredTo: ['vendor@v.example', 'cm@city.example'],
      reason: null,
    });
  });

  it('should fail with the reply when a `to` is refused for good, keeping the accepted cc', () => {
    const outcome = recipientOutcome(to, [], {
      accepted: ['cm@city.example'],
      refused: [refused('vendor@v.example', 550, '550 5.1.1 No such user')],
    });
    expect(outcome).toEqual({
      status: 'failed',
      deliveredTo: ['cm@city.example'],
      reason: 'vendor@v.example refused: 550 5.1.1 No such user',
    });
  });

  it('should retry when the refused `to` was only deferred, or answered without a code', () => {
    expect(
      recipientOutcome(to, [], { accepted: ['cm@city.example'], refused: [refused('vendor@v.example', 451)] }),
    ).toMatchObject({ status: 'retry', deliveredTo: ['cm@city.example'] });
    expect(
      recipientOutcome(to, [], { accepted: [], refused: [refused('vendor@v.example', undefined, 'reset')] }),
    ).toMatchObject({ status: 'retry', reason: 'vendor@v.example refused: reset' });
  });

  it('should be sent, naming the refusal, when only a cc was refused', () => {
    expect(
      recipientOutcome(to, [], { accepted: ['vendor@v.example'], refused: [refused('cm@city.example', 550)] }),
    ).toEqual({ status: 'sent', deliveredTo: ['vendor@v.example'], reason: 'cm@city.example refused: 550 no' });
  });

  it('should count the recipients an earlier attempt reached', () => {
    expect(recipientOutcome(to, ['cm@city.example'], { accepted: ['VENDOR@v.example'], refused: [] })).toEqual({
      status: 'sent',
      deliveredTo: ['cm@city.example', 'VENDOR@v.example'],
      reason: null,
    });
  });

  it('should retry, naming who is missing, when the server neither accepted nor refused a `to`', () => {
    expect(recipientOutcome(to, [], { accepted: [], refused: [] })).toEqual({
      status: 'retry',
      deliveredTo: [],
      reason: 'not accepted for vendor@v.example',
    });
  });
});
