// Portuguese (Brazil): formal register, the vocabulary of Brazilian public contracting (gestor do contrato,
// contratada, glosa).
import type { MessageCatalogue } from './catalogue.js';
import { withUnit } from './quantity.js';

const indicadores = (count: number) => (count === 1 ? 'indicador' : 'indicadores');

export const pt: MessageCatalogue = {
  locale: 'pt-BR',
  status: { on_track: 'Dentro da meta', at_risk: 'Em risco', off_track: 'Fora da meta', missing: 'Não informado' },
  noData: 'sem dados',
  quantity: ({ value, unit }) => withUnit(value, unit),
  target: ({ direction, quantity }) =>
    direction === 'higher_is_better' ? `${quantity} ou mais` : `${quantity} ou menos`,
  offTrackIf: ({ direction, quantity }) =>
    direction === 'higher_is_better' ? `abaixo de ${quantity}` : `acima de ${quantity}`,
  columns: {
    indicator: 'Indicador',
    result: 'Resultado',
    latestResult: 'Último resultado',
    target: 'Meta',
    offTrackIf: 'Fora da meta se',
    status: 'Situação',
    unit: 'Unidade',
    consecutivePeriods: 'Períodos consecutivos fora da meta',
    period: 'Período',
  },
  noUnit: '—',
  greetingVendor: ({ vendorName }) => `Prezados representantes da empresa ${vendorName},`,
  closing: 'Atenciosamente,',
  contractLink: ({ contractNumber }) => `Consultar o contrato ${contractNumber} e seus indicadores`,
  footer: ({ cityName, managerEmail }) =>
    'Esta mensagem foi enviada automaticamente pelo sistema de acompanhamento do desempenho de contratos da ' +
    `prefeitura, em nome de ${cityName}. Em caso de dúvidas, entre em contato com o gestor do contrato pelo ` +
    `e-mail ${managerEmail}.`,

  offTrack: {
    subject: ({ contractNumber, periodLabel, hasOffTrack }) =>
      hasOffTrack
        ? `Contrato ${contractNumber}, ${periodLabel}: solicitação de plano de ação corretiva`
        : `Contrato ${contractNumber}, ${periodLabel}: indicadores de desempenho em risco`,
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel }) =>
      `Analisamos os resultados de desempenho do contrato ${contractNumber}, “${contractTitle}” ` +
      `(${departmentName}), referentes a ${periodLabel}. Alguns indicadores não atingiram as metas ` +
      'estabelecidas no contrato.',
    summary: ({ offTrackCount, atRiskCount }) => {
      const found = [
        offTrackCount > 0 ? `${offTrackCount} ${indicadores(offTrackCount)} fora da meta` : '',
        atRiskCount > 0 ? `${atRiskCount} ${indicadores(atRiskCount)} em risco` : '',
      ].filter((part) => part !== '');
      return `A análise identificou ${found.join(' e ')}.`;
    },
    tableCaption: ({ periodLabel }) => `Indicadores que exigem atenção, ${periodLabel}`,
    nextSteps: 'Próximos passos',
    planRequest: ({ managerEmail, date }) =>
      `Solicitamos que envie ao gestor do contrato (${managerEmail}), até ${date}, um plano de ação corretiva ` +
      'para os indicadores fora da meta.',
    planContentsIntro: 'O plano deve apresentar:',
    planContents: [
      'as causas do não atendimento das metas;',
      'as ações que serão adotadas para corrigir a situação, com os respectivos responsáveis;',
      'os prazos em que cada indicador deverá voltar a atender à meta.',
    ],
    atRiskRequest: ({ hasOffTrack, managerEmail, date }) =>
      hasOffTrack
        ? 'Os indicadores em risco ainda não exigem um plano, mas pedimos que sejam acompanhados de perto e que ' +
          'sua resposta inclua uma breve explicação das medidas adotadas para evitar que fiquem fora da meta.'
        : 'No momento, não é necessário um plano de ação corretiva. Pedimos que acompanhe de perto esses ' +
          `indicadores e envie ao gestor do contrato (${managerEmail}), até ${date}, uma breve explicação das ` +
          'medidas adotadas para evitar que fiquem fora da meta.',
    closingRemark:
      'Caso considere que algum desses resultados esteja incorreto, informe o gestor do contrato o quanto antes. ' +
      'Agradecemos a sua colaboração.',
  },

  missingData: {
    subject: ({ contractNumber, periodLabel }) =>
      `Contrato ${contractNumber}, ${periodLabel}: dados de desempenho pendentes`,
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel, count }) =>
      `Não recebemos os resultados de ${periodLabel} ${count === 1 ? 'do seguinte indicador' : 'dos seguintes indicadores'} ` +
      `do contrato ${contractNumber}, “${contractTitle}” (${departmentName}). O período de apuração e o prazo de ` +
      `tolerância já se encerraram; por isso, ${count === 1 ? 'esse indicador consta como não informado' : 'esses indicadores constam como não informados'}.`,
    tableCaption: ({ periodLabel }) => `Indicadores sem dados, ${periodLabel}`,
    submitRequest: ({ date }) => `Solicitamos o envio dos valores pendentes até ${date}.`,
    howToSubmit: 'Como enviar os dados',
    howIntro:
      'Envie os valores pela API com a chave de API da sua empresa (cabeçalho “Authorization: Bearer <chave>”), ' +
      'de uma destas duas formas:',
    oneByOne:
      'Um indicador por vez: envie uma requisição PUT para o endereço de cada indicador, listado abaixo, com um corpo ' +
      'JSON como {"value": 97.5, "note": "comentário opcional"}.',
    csvImport:
      'Vários indicadores de uma só vez: envie por POST ao endereço abaixo um arquivo CSV com as colunas ' +
      'contractNumber,kpiName,period,value,note. Você pode partir destas linhas e preencher os valores; ' +
      'acrescente ?dryRun=true ao endereço para verificar o arquivo sem gravá-lo.',
    valueFormat: ({ period }) =>
      'Escreva os valores com ponto decimal e sem separador de milhar (por exemplo, 1234.5) e o período como ' +
      `${period}.`,
    alternative: ({ managerEmail }) =>
      `Se não for possível usar a API, envie os valores ao gestor do contrato (${managerEmail}) no mesmo prazo.`,
    closingRemark: 'Agradecemos a sua colaboração.',
  },

  escalation: {
    subject: ({ contractNumber, periodLabel, run }) =>
      `Escalonamento – contrato ${contractNumber}, ${periodLabel}: fora da meta por ` +
      `${run.shortest === run.longest ? run.longest : `${run.shortest} a ${run.longest}`} ` +
      `${run.longest === 1 ? 'período' : 'períodos consecutivos'}`,
    greeting: 'Prezado(a) Senhor(a),',
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel, vendorName, count, run, periods }) =>
      `${count === 1 ? 'O seguinte indicador' : 'Os seguintes indicadores'} do contrato ${contractNumber}, ` +
      `“${contractTitle}”, executado pela empresa ${vendorName}, ${count === 1 ? 'está' : 'estão'} fora da meta ` +
      `há ${run.shortest === run.longest ? run.longest : `${run.shortest} a ${run.longest}`} ` +
      `${run.longest === 1 ? 'período de apuração' : 'períodos de apuração consecutivos'}, até ${periodLabel}, ` +
      `inclusive. O contrato prevê o escalonamento após ${periods} ${periods === 1 ? 'período' : 'períodos'} ` +
      `fora da meta; por isso, levamos o caso ao seu conhecimento como responsável por ${departmentName}.`,
    copied: ({ managerEmail }) => `O gestor do contrato (${managerEmail}) está em cópia nesta mensagem.`,
    tableCaption: ({ periodLabel }) => `Indicadores fora da meta, ${periodLabel}`,
    recentResults: 'Resultados recentes',
    nextSteps: 'Próximos passos recomendados',
    recommendations: [
      'Reunir-se com a contratada, junto com o gestor do contrato, para analisar as causas e o plano de ação ' +
        'corretiva e definir prazos para a recuperação do desempenho.',
      'Avaliar as medidas previstas no contrato, como notificação formal, advertência, glosa de pagamentos ou ' +
        'aplicação de multa, quando cabíveis, com o apoio das áreas de compras e jurídica.',
      'Registrar a decisão e as ações acordadas, para que a próxima avaliação e a reunião de desempenho da área ' +
        'possam acompanhá-las.',
    ],
  },
  meetingPack: {
    subject: ({ departmentName, periodLabel }) =>
      `Relatório para a reunião de desempenho: ${departmentName}, ${periodLabel}`,
    greeting: 'Prezado(a) Senhor(a),',
    intro: ({ departmentName, periodLabel, attachmentName }) =>
      `Segue em anexo o relatório para a reunião de desempenho de ${departmentName} referente a ${periodLabel} ` +
      `(${attachmentName}). A avaliação do mês foi concluída para a sua área.`,
    contents:
      'O relatório apresenta os números principais, cada contrato fora da meta ou em risco com seus indicadores e ' +
      'sua evolução nos últimos seis meses, as notificações enviadas no período, os indicadores sem dados e os ' +
      'pagamentos a fornecedores de grupos diversos em relação às metas de diversidade dos contratos.',
    tableCaption: ({ periodLabel }) => `Resumo, ${periodLabel}`,
    columns: { figure: 'Indicador do relatório', value: 'Valor' },
    figures: {
      activeContracts: 'Contratos vigentes no mês',
      kpisEvaluated: 'Indicadores avaliados',
      onTrackPercent: 'Percentual dentro da meta',
      contractsNeedingAttention: 'Contratos fora da meta ou em risco',
      worseningKpis: 'Indicadores com tendência de sair da meta',
    },
    asOfSending:
      'Os números anexos são os registrados no envio desta mensagem; o relatório on-line mostra sempre os números ' +
      'atuais.',
    link: 'Abrir o relatório on-line',
    footer: ({ cityName }) =>
      'Esta mensagem foi enviada automaticamente pelo sistema de acompanhamento do desempenho de contratos da ' +
      `prefeitura, em nome de ${cityName}.`,
  },

  performanceEvaluation: {
    subject: ({ contractNumber, periodLabel }) => `Contrato ${contractNumber}: avaliação de desempenho, ${periodLabel}`,
    range: ({ fromLabel, toLabel }) => (fromLabel === toLabel ? fromLabel : `${fromLabel} a ${toLabel}`),
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel }) =>
      `O município concluiu a avaliação formal de desempenho do contrato ${contractNumber}, “${contractTitle}” ` +
      `(${departmentName}), referente ao período de ${periodLabel}. Ela se baseia nos resultados dos indicadores ` +
      'de desempenho do contrato nesses meses.',
    ratings: {
      good: 'Bom',
      approaching_target: 'Próximo da meta',
      requires_improvement: 'Requer melhorias',
      inadequate: 'Inadequado',
    },
    ratingIs: ({ rating }) => `Conceito geral: ${rating}.`,
    tableCaption: ({ periodLabel }) => `Resumo da avaliação, ${periodLabel}`,
    columns: { figure: 'Indicador', value: 'Valor' },
    figures: {
      rating: 'Conceito',
      evaluated: 'Resultados de indicadores avaliados',
      onTrack: 'Resultados dentro da meta',
      onTrackPercent: 'Proporção dentro da meta',
    },
    narrativeHeading: 'Parecer do avaliador',
    commentRequest: ({ date }) =>
      `Vocês podem apresentar observações sobre esta avaliação até ${date}, na página do contrato no portal de ` +
      'fornecedores ou pela API.',
    afterDeadline:
      'Após essa data, a avaliação se torna definitiva, e suas observações ficam registradas junto a ela. As ' +
      'avaliações definitivas integram o histórico de desempenho da sua empresa junto ao município e são ' +
      'consideradas na renovação de contratos.',
  },

  contractExpiry: {
    subject: ({ contractNumber, endDate, daysLeft }) =>
      `O contrato ${contractNumber} termina em ${endDate} (${daysLeft === 1 ? '1 dia' : `${daysLeft} dias`}): ` +
      'decisão necessária',
    greeting: 'Prezado(a) gestor(a) do contrato,',
    intro: ({ contractNumber, contractTitle, vendorName, departmentName, endDate, daysLeft }) =>
      `O contrato ${contractNumber}, “${contractTitle}”, executado por ${vendorName} para ${departmentName}, ` +
      `termina em ${endDate}, ${daysLeft === 1 ? 'daqui a 1 dia' : `daqui a ${daysLeft} dias`}. Como gestor(a) ` +
      'do contrato, pedimos que decida os próximos passos enquanto há tempo para executá-los.',
    results: ({ onTrack, evaluated, percent, months }) =>
      `Nos últimos ${months} meses, ${onTrack} de ${evaluated} ${evaluated === 1 ? 'resultado' : 'resultados'} ` +
      `dos indicadores ${evaluated === 1 ? 'ficou' : 'ficaram'} dentro da meta (${percent}).`,
    noResults: 'Ainda não foi registrado nenhum resultado dos indicadores deste contrato.',
    tableCaption: 'Último resultado de cada indicador',
    decisionHeading: 'Decisão a tomar',
    decisionIntro: ({ endDate }) => `Antes de ${endDate}, decida se deve:`,
    decisions: [
      'prorrogar o contrato, se ele o permitir e o desempenho do fornecedor o justificar;',
      'abrir uma nova licitação com antecedência suficiente para adjudicá-la antes do término;',
      'deixar o contrato terminar e planejar o encerramento com o fornecedor e a área.',
    ],
    renewalNote: 'A prorrogação exige uma avaliação de desempenho definitiva do contrato com menos de 12 meses.',
    link: ({ contractNumber }) => `Abrir o contrato ${contractNumber}`,
    footer: ({ cityName }) =>
      'Esta mensagem foi enviada automaticamente pelo sistema de acompanhamento do desempenho de contratos da ' +
      `prefeitura, em nome de ${cityName}.`,
  },

  pack: {
    title: ({ departmentName, periodLabel }) =>
      `Relatório para a reunião de desempenho: ${departmentName}, ${periodLabel}`,
    subtitle: ({ departmentName, departmentCode, periodLabel }) =>
      `${departmentName} (${departmentCode}), ${periodLabel}`,
    coverage: ({ departmentCode, periodLabels, monthLabel }) =>
      `Secretaria ${departmentCode}. Abrange as avaliações de ${periodLabels}; as tendências mostram os seis meses ` +
      `até ${monthLabel}.`,
    notFinal: ({ count, dueOn }) =>
      `Números não definitivos: ${count === 1 ? '1 período de indicador ainda está' : `${count} períodos de indicadores ainda estão`} ` +
      `dentro do prazo de carência para envio; o último vence em ${dueOn}.`,
    pageOf: ({ page, count }) => `Página ${page} de ${count}`,
    notEvaluated: 'Não avaliado',
    headline: 'Principais números',
    figures: {
      activeContracts: 'Contratos vigentes no mês',
      kpisEvaluated: 'Indicadores avaliados',
      onTrackShare: 'Percentual dentro da meta',
      contractsNeedingAttention: 'Contratos fora da meta ou em risco',
      offTrackNotices: 'Notificações de descumprimento',
      missingDataNotices: 'Notificações de dados pendentes',
      escalations: 'Escalonamentos',
      payments: 'Pagamentos no mês',
      paidDiverse: 'Pago a fornecedores de grupos diversos',
      diverseShare: 'Percentual pago a grupos diversos',
      worseningKpis: 'Indicadores com tendência de sair da meta',
    },
    columns: {
      figure: 'Número',
      value: 'Valor',
      contract: 'Contrato',
      vendor: 'Fornecedor',
      kpi: 'Indicador',
      period: 'Período',
      target: 'Meta',
      offTrackIf: 'Fora da meta se',
      status: 'Situação',
      notice: 'Notificação',
      to: 'Para',
      cc: 'Cc',
      goal: 'Meta',
      paidToDate: 'Pago até a data',
      paidDiverse: 'Pago a grupos diversos',
      diverseShare: 'Percentual diverso',
      goalMet: 'Meta atingida',
      trend: ({ count }) => `Situação do contrato, últimos ${count} meses`,
    },
    contracts: {
      heading: 'Contratos fora da meta ou em risco',
      none: 'Nenhum contrato está fora da meta ou em risco neste mês.',
      vendorAndStatus: ({ vendorName, status }) => `Fornecedor: ${vendorName}. Situação no mês: ${status}.`,
      kpisOf: ({ contractNumber }) => `Indicadores de ${contractNumber}`,
      theirKpis: 'Seus indicadores',
    },
    notices: {
      heading: 'Notificações do período',
      none: 'Nenhuma notificação foi registrada para o período.',
      caption: 'Notificações',
      kinds: {
        off_track: 'Notificação de descumprimento',
        missing_data: 'Notificação de dados pendentes',
        escalation: 'Escalonamento',
      },
      delivery: { pending: 'Pendente', sent: 'Enviada', failed: 'Falhou', suppressed: 'Suprimida (vencida)' },
    },
    missing: {
      heading: 'Indicadores sem dados',
      none: 'Todos os indicadores avaliados têm dados.',
      caption: 'Indicadores sem valor',
    },
    worsening: {
      heading: 'Alerta antecipado: indicadores com tendência de sair da meta',
      intro: ({ count }) =>
        `Dentro da meta ou em risco neste mês, mas a reta de mínimos quadrados dos seus últimos ${count} valores ` +
        'cruza o limite de fora da meta no próximo período.',
      none: 'Nenhum indicador tende a sair da meta.',
      caption: 'Indicadores com tendência de sair da meta',
      latest: 'Último valor',
      projected: 'Valor projetado',
      projectedPeriod: 'Projetado para',
    },
    diversity: {
      heading: 'Pagamentos a fornecedores de grupos diversos frente às metas de diversidade',
      none: 'Nenhum contrato vigente tem meta de diversidade.',
      caption: ({ monthLabel }) => `Pagamentos acumulados até ${monthLabel}`,
      met: 'Atingida',
      notMet: 'Não atingida',
    },
    engagements: {
      heading: 'Reuniões recentes com os fornecedores',
      none: 'Nenhuma reunião, visita técnica ou ligação foi registrada nos últimos seis meses.',
      caption: ({ monthLabel }) => `As três últimas reuniões de cada contrato, nos seis meses até ${monthLabel}`,
      kinds: { meeting: 'Reunião', site_visit: 'Visita técnica', call: 'Ligação' },
      columns: { date: 'Data', kind: 'Tipo', attendees: 'Participantes', actions: 'Ações acordadas' },
    },
  },
};
