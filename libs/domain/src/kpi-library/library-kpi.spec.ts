import { kpiFromLibrary, libraryKpiProblems, nextLibraryVersion, type LibraryKpiDefinition } from './library-kpi.js';

const uptime: LibraryKpiDefinition = {
  name: 'System uptime',
  category: 'technology',
  unit: '%',
  direction: 'higher_is_better',
  description: 'Share of minutes the service was available.',
  suggestedTarget: 99.9,
  suggestedOffTrackThreshold: 99.5,
};

describe('libraryKpiProblems', () => {
  it.each([
    ['higher_is_better', 99.9, 99.5, []],
    ['higher_is_better', 99.9, 99.9, []],
    [
      'higher_is_better',
      99.9,
      100,
      ['suggestedOffTrackThreshold must not be above suggestedTarget when higher is better'],
    ],
    ['lower_is_better', 72, 96, []],
    ['lower_is_better', 72, 48, ['suggestedOffTrackThreshold must not be below suggestedTarget when lower is better']],
  ] as const)(
    'should judge %s suggested target %d and threshold %d',
    (direction, suggestedTarget, suggestedOffTrackThreshold, messages) => {
      const problems = libraryKpiProblems({ ...uptime, direction, suggestedTarget, suggestedOffTrackThreshold });
      expect(problems).toEqual(messages.map((message) => ({ field: 'suggestedOffTrackThreshold', message })));
    },
  );
});

describe('nextLibraryVersion', () => {
  it('should apply the changes given and keep every other field of the latest version', () => {
    expect(nextLibraryVersion(uptime, { suggestedTarget: 99.95, description: undefined })).toEqual({
      ...uptime,
      suggestedTarget: 99.95,
    });
  });
});

describe('kpiFromLibrary', () => {
  it('should take the definition from the version and the suggested figures when the officer gives none', () => {
    expect(kpiFromLibrary(uptime, {})).toEqual({
      definition: {
        name: 'System uptime',
        description: 'Share of minutes the service was available.',
        unit: '%',
        direction: 'higher_is_better',
        target: 99.9,
        offTrackThreshold: 99.5,
      },
      problems: [],
    });
  });

  it("should keep the officer's target and threshold over the suggested ones", () => {
    const { definition } = kpiFromLibrary(uptime, { target: 99.99, offTrackThreshold: 99 });
    expect([definition.target, definition.offTrackThreshold]).toEqual([99.99, 99]);
  });

  it('should refuse a threshold above the suggested target when only the threshold is given', () => {
    expect(kpiFromLibrary(uptime, { offTrackThreshold: 99.95 }, 'kpiTemplates.1.').problems).toEqual([
      {
        field: 'kpiTemplates.1.offTrackThreshold',
        message: 'kpiTemplates.1.offTrackThreshold must not be above target when higher is better',
      },
    ]);
  });
});
