// English (United States).
import type { MessageCatalogue } from './catalogue.js';
import { withUnit } from './quantity.js';

const indicators = (count: number) => (count === 1 ? 'indicator' : 'indicators');

export const en: MessageCatalogue = {
  locale: 'en-US',
  status: { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track', missing: 'Missing' },
  noData: 'no data',
  quantity: ({ value, unit }) => withUnit(value, unit),
  target: ({ direction, quantity }) =>
    direction === 'higher_is_better' ? `${quantity} or more` : `${quantity} or less`,
  offTrackIf: ({ direction, quantity }) =>
    direction === 'higher_is_better' ? `below ${quantity}` : `above ${quantity}`,
  columns: {
    indicator: 'Indicator',
    result: 'Result',
    latestResult: 'Latest result',
    target: 'Target',
    offTrackIf: 'Off track if',
    status: 'Status',
    unit: 'Unit',
    consecutivePeriods: 'Consecutive periods off track',
    period: 'Period',
  },
  noUnit: '—',
  greetingVendor: ({ vendorName }) => `Dear ${vendorName} team,`,
  closing: 'Kind regards,',
  contractLink: ({ contractNumber }) => `View contract ${contractNumber} and its indicators`,
  footer: ({ cityName, managerEmail }) =>
    `This message was sent automatically by the city's contract performance system on behalf of ${cityName}. ` +
    `If you have any questions, please contact the contract manager at ${managerEmail}.`,

  offTrack: {
    subject: ({ contractNumber, periodLabel, hasOffTrack }) =>
      hasOffTrack
        ? `Contract ${contractNumber}, ${periodLabel}: corrective action plan requested`
        : `Contract ${contractNumber}, ${periodLabel}: performance indicators at risk`,
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel }) =>
      `We have reviewed the performance results for contract ${contractNumber}, “${contractTitle}” ` +
      `(${departmentName}), for ${periodLabel}. Some indicators did not meet the targets set in the contract.`,
    summary: ({ offTrackCount, atRiskCount }) => {
      const found = [
        offTrackCount > 0 ? `${offTrackCount} ${indicators(offTrackCount)} off track` : '',
        atRiskCount > 0 ? `${atRiskCount} ${indicators(atRiskCount)} at risk` : '',
      ].filter((part) => part !== '');
      return `The review found ${found.join(' and ')}.`;
    },
    tableCaption: ({ periodLabel }) => `Indicators needing attention, ${periodLabel}`,
    nextSteps: 'Next steps',
    planRequest: ({ managerEmail, date }) =>
      `Please send a corrective action plan for the indicators that are off track to the contract manager at ` +
      `${managerEmail} by ${date}.`,
    planContentsIntro: 'The plan should set out:',
    planContents: [
      'the causes of the shortfall;',
      'the actions you will take to correct it, and who is responsible for each;',
      'the dates by which you expect each indicator to be back on target.',
    ],
    atRiskRequest: ({ hasOffTrack, managerEmail, date }) =>
      hasOffTrack
        ? 'The indicators at risk do not need a plan yet, but please monitor them closely and, in the same reply, ' +
          'briefly explain what you are doing to keep them from going off track.'
        : 'No corrective action plan is needed at this stage. Please monitor these indicators closely and, by ' +
          `${date}, send the contract manager at ${managerEmail} a brief explanation of what you are doing to keep ` +
          'them from going off track.',
    closingRemark:
      'If you believe any of these results is incorrect, please let the contract manager know as soon as ' +
      'possible. Thank you for your cooperation.',
  },

  missingData: {
    subject: ({ contractNumber, periodLabel }) =>
      `Contract ${contractNumber}, ${periodLabel}: performance data missing`,
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel, count }) =>
      `We have not received the ${periodLabel} results for the following ${indicators(count)} of contract ` +
      `${contractNumber}, “${contractTitle}” (${departmentName}). The reporting period and its grace period ` +
      `have ended, so ${count === 1 ? 'this indicator is' : 'these indicators are'} recorded as missing.`,
    tableCaption: ({ periodLabel }) => `Indicators without data, ${periodLabel}`,
    submitRequest: ({ date }) => `Please submit the missing values by ${date}.`,
    howToSubmit: 'How to submit the data',
    howIntro:
      'Send the values through the API with your company’s API key (header “Authorization: Bearer <key>”), ' +
      'in either of these ways:',
    oneByOne:
      'One indicator at a time: send a PUT request to each indicator’s address below, with a JSON body such as ' +
      '{"value": 97.5, "note": "optional comment"}.',
    csvImport:
      'Several indicators at once: POST a CSV file with the columns contractNumber,kpiName,period,value,note to ' +
      'the address below. You can start from these rows and fill in the values; add ?dryRun=true to the ' +
      'address to check the file without saving it.',
    valueFormat: ({ period }) =>
      `Write values with a decimal point and no thousands separator (for example 1234.5), and the period as ${period}.`,
    alternative: ({ managerEmail }) =>
      `If you cannot use the API, please send the values to the contract manager at ${managerEmail} by the same date.`,
    closingRemark: 'Thank you for your cooperation.',
  },

  escalation: {
    subject: ({ contractNumber, periodLabel, run }) =>
      `Escalation – contract ${contractNumber}, ${periodLabel}: off track for ` +
      `${run.shortest === run.longest ? run.longest : `${run.shortest} to ${run.longest}`} consecutive ` +
      `${run.longest === 1 ? 'period' : 'periods'}`,
    greeting: 'Dear Department Head,',
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel, vendorName, count, run, periods }) =>
      `The following ${indicators(count)} of contract ${contractNumber}, “${contractTitle}”, held by ` +
      `${vendorName}, ${count === 1 ? 'has' : 'have'} been off track for ` +
      `${run.shortest === run.longest ? run.longest : `${run.shortest} to ${run.longest}`} consecutive reporting ` +
      `${run.longest === 1 ? 'period' : 'periods'}, up to and including ${periodLabel}. The contract escalates ` +
      `after ${periods} ${periods === 1 ? 'period' : 'periods'} off track, so we are bringing the matter to your ` +
      `attention as head of ${departmentName}.`,
    copied: ({ managerEmail }) => `The contract manager, ${managerEmail}, is copied on this message.`,
    tableCaption: ({ periodLabel }) => `Indicators off track, ${periodLabel}`,
    recentResults: 'Recent results',
    nextSteps: 'Recommended next steps',
    recommendations: [
      'Meet the vendor, together with the contract manager, to review the causes and the corrective action plan ' +
        'and to agree on dates for recovery.',
      'Consider the remedies available under the contract, such as a formal notice to cure, withholding ' +
        'payment or liquidated damages where the contract provides for them, with advice from procurement and ' +
        'legal counsel.',
      'Record the decision and the agreed actions, so that the next evaluation and the department’s ' +
        'performance meeting can follow up on them.',
    ],
  },
  meetingPack: {
    subject: ({ departmentName, periodLabel }) => `Performance meeting pack: ${departmentName}, ${periodLabel}`,
    greeting: 'Dear Department Head,',
    intro: ({ departmentName, periodLabel, attachmentName }) =>
      `The performance meeting pack of ${departmentName} for ${periodLabel} is attached (${attachmentName}). ` +
      'The evaluation of the month is complete for your department.',
    contents:
      'The pack sets out the headline figures, every contract off track or at risk with its KPIs and its trend ' +
      'over the last six months, the notices sent for the period, the indicators without data, and payments to ' +
      'diverse vendors against the contracts’ diversity goals.',
    tableCaption: ({ periodLabel }) => `At a glance, ${periodLabel}`,
    columns: { figure: 'Figure', value: 'Value' },
    figures: {
      activeContracts: 'Contracts active in the month',
      kpisEvaluated: 'Indicators evaluated',
      onTrackPercent: 'Share on track',
      contractsNeedingAttention: 'Contracts off track or at risk',
      worseningKpis: 'Indicators heading off track',
    },
    asOfSending:
      'The attached figures are those recorded when this message was sent; the pack online always shows the ' +
      'current ones.',
    link: 'Open the pack online',
    footer: ({ cityName }) =>
      `This message was sent automatically by the city's contract performance system on behalf of ${cityName}.`,
  },

  performanceEvaluation: {
    subject: ({ contractNumber, periodLabel }) => `Contract ${contractNumber}: performance evaluation, ${periodLabel}`,
    range: ({ fromLabel, toLabel }) => (fromLabel === toLabel ? fromLabel : `${fromLabel} – ${toLabel}`),
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel }) =>
      `The city has completed its formal performance evaluation of contract ${contractNumber}, “${contractTitle}” ` +
      `(${departmentName}), for ${periodLabel}. It rests on the results of the contract’s performance indicators ` +
      'over those months.',
    ratings: {
      good: 'Good',
      approaching_target: 'Approaching target',
      requires_improvement: 'Requires improvement',
      inadequate: 'Inadequate',
    },
    ratingIs: ({ rating }) => `Overall rating: ${rating}.`,
    tableCaption: ({ periodLabel }) => `Evaluation summary, ${periodLabel}`,
    columns: { figure: 'Figure', value: 'Value' },
    figures: {
      rating: 'Rating',
      evaluated: 'Indicator results evaluated',
      onTrack: 'Results on track',
      onTrackPercent: 'Share on track',
    },
    narrativeHeading: 'The evaluator’s assessment',
    commentRequest: ({ date }) =>
      `You may comment on this evaluation until ${date}, through the contract’s page in the vendor portal or the API.`,
    afterDeadline:
      'After that date the evaluation becomes final, with your comment kept beside it. Final evaluations form part ' +
      'of your company’s performance record with the city and are considered when contracts are renewed.',
  },

  contractExpiry: {
    subject: ({ contractNumber, endDate, daysLeft }) =>
      `Contract ${contractNumber} ends on ${endDate} (${daysLeft === 1 ? '1 day' : `${daysLeft} days`}): decision needed`,
    greeting: 'Dear Contract Manager,',
    intro: ({ contractNumber, contractTitle, vendorName, departmentName, endDate, daysLeft }) =>
      `Contract ${contractNumber}, “${contractTitle}”, held by ${vendorName} for ${departmentName}, ends on ` +
      `${endDate}, ${daysLeft === 1 ? 'in 1 day' : `in ${daysLeft} days`}. As its contract manager, please decide ` +
      'what happens next while there is time to act on it.',
    results: ({ onTrack, evaluated, percent, months }) =>
      `Over the last ${months} months, ${onTrack} of ${evaluated} indicator ${evaluated === 1 ? 'result was' : 'results were'} ` +
      `on track (${percent}).`,
    noResults: 'No indicator result has been recorded for this contract yet.',
    tableCaption: 'Latest result of each indicator',
    decisionHeading: 'Decision to take',
    decisionIntro: ({ endDate }) => `Before ${endDate}, decide whether to:`,
    decisions: [
      'renew or extend the contract, if it allows it and the vendor’s performance supports it;',
      're-procure: start a new solicitation early enough for the award to be made before the end date;',
      'let the contract end, and plan the close-out with the vendor and the department.',
    ],
    renewalNote: 'A renewal needs a final performance evaluation of the contract less than 12 months old.',
    link: ({ contractNumber }) => `Open contract ${contractNumber}`,
    footer: ({ cityName }) =>
      `This message was sent automatically by the city's contract performance system on behalf of ${cityName}.`,
  },

  pack: {
    title: ({ departmentName, periodLabel }) => `Performance meeting pack: ${departmentName}, ${periodLabel}`,
    subtitle: ({ departmentName, departmentCode, periodLabel }) =>
      `${departmentName} (${departmentCode}), ${periodLabel}`,
    coverage: ({ departmentCode, periodLabels, monthLabel }) =>
      `Department ${departmentCode}. Covers the evaluations of ${periodLabels}; trends show the six months to ${monthLabel}.`,
    notFinal: ({ count, dueOn }) =>
      `Not final: ${count === 1 ? '1 KPI period is' : `${count} KPI periods are`} still within the grace days ` +
      `for reporting, the last until it falls due on ${dueOn}.`,
    pageOf: ({ page, count }) => `Page ${page} of ${count}`,
    notEvaluated: 'Not evaluated',
    headline: 'Headline figures',
    figures: {
      activeContracts: 'Contracts active in the month',
      kpisEvaluated: 'KPIs evaluated',
      onTrackShare: 'On-track share',
      contractsNeedingAttention: 'Contracts off track or at risk',
      offTrackNotices: 'Off-track notices',
      missingDataNotices: 'Missing-data notices',
      escalations: 'Escalations',
      payments: 'Payments in the month',
      paidDiverse: 'Paid to diverse vendors',
      diverseShare: 'Diverse share of payments',
      worseningKpis: 'KPIs heading off track',
    },
    columns: {
      figure: 'Figure',
      value: 'Value',
      contract: 'Contract',
      vendor: 'Vendor',
      kpi: 'KPI',
      period: 'Period',
      target: 'Target',
      offTrackIf: 'Off track if',
      status: 'Status',
      notice: 'Notice',
      to: 'To',
      cc: 'Cc',
      goal: 'Goal',
      paidToDate: 'Paid to date',
      paidDiverse: 'Paid to diverse vendors',
      diverseShare: 'Diverse share',
      goalMet: 'Goal met',
      trend: ({ count }) => `Contract status, last ${count} months`,
    },
    contracts: {
      heading: 'Contracts off track or at risk',
      none: 'No contract is off track or at risk this month.',
      vendorAndStatus: ({ vendorName, status }) => `Vendor: ${vendorName}. Status for the month: ${status}.`,
      kpisOf: ({ contractNumber }) => `KPIs of ${contractNumber}`,
      theirKpis: 'Their KPIs',
    },
    notices: {
      heading: 'Notices for the period',
      none: 'No notice was recorded for the period.',
      caption: 'Notices',
      kinds: { off_track: 'Off-track notice', missing_data: 'Missing-data notice', escalation: 'Escalation' },
      delivery: { pending: 'Pending', sent: 'Sent', failed: 'Failed', suppressed: 'Suppressed (stale)' },
    },
    missing: {
      heading: 'KPIs with missing data',
      none: 'Every KPI evaluated has data.',
      caption: 'KPIs without a value',
    },
    worsening: {
      heading: 'Early warning: KPIs heading off track',
      intro: ({ count }) =>
        `On track or at risk this month, but the least-squares line through their last ${count} values crosses the ` +
        'off-track threshold in the next period.',
      none: 'No KPI is heading off track.',
      caption: 'KPIs heading off track',
      latest: 'Latest value',
      projected: 'Projected value',
      projectedPeriod: 'Projected for',
    },
    diversity: {
      heading: 'Payments to diverse vendors against diversity goals',
      none: 'No active contract has a diversity goal.',
      caption: ({ monthLabel }) => `Payments to date, through ${monthLabel}`,
      met: 'Met',
      notMet: 'Not met',
    },
    engagements: {
      heading: 'Recent engagements with vendors',
      none: 'No meeting, site visit or call was recorded in the last six months.',
      caption: ({ monthLabel }) => `The last three engagements of each contract, in the six months to ${monthLabel}`,
      kinds: { meeting: 'Meeting', site_visit: 'Site visit', call: 'Call' },
      columns: { date: 'Date', kind: 'Kind', attendees: 'Attendees', actions: 'Actions agreed' },
    },
  },
};
