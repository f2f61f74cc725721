// Spanish (Latin America): formal register ("usted"), the vocabulary of municipal procurement in the region.
import type { MessageCatalogue } from './catalogue.js';
import { withUnit } from './quantity.js';

const indicadores = (count: number) => (count === 1 ? 'indicador' : 'indicadores');

export const es: MessageCatalogue = {
  locale: 'es-419',
  status: { on_track: 'En meta', at_risk: 'En riesgo', off_track: 'Fuera de meta', missing: 'Sin reportar' },
  noData: 'sin datos',
  quantity: ({ value, unit }) => withUnit(value, unit),
  target: ({ direction, quantity }) => (direction === 'higher_is_better' ? `${quantity} o más` : `${quantity} o menos`),
  offTrackIf: ({ direction, quantity }) =>
    direction === 'higher_is_better' ? `por debajo de ${quantity}` : `por encima de ${quantity}`,
  columns: {
    indicator: 'Indicador',
    result: 'Resultado',
    latestResult: 'Último resultado',
    target: 'Meta',
    offTrackIf: 'Fuera de meta si',
    status: 'Estado',
    unit: 'Unidad',
    consecutivePeriods: 'Periodos consecutivos fuera de meta',
    period: 'Periodo',
  },
  noUnit: '—',
  greetingVendor: ({ vendorName }) => `Estimados representantes de ${vendorName}:`,
  closing: 'Atentamente,',
  contractLink: ({ contractNumber }) => `Consultar el contrato ${contractNumber} y sus indicadores`,
  footer: ({ cityName, managerEmail }) =>
    'Este mensaje fue enviado automáticamente por el sistema de seguimiento del desempeño de contratos del ' +
    `municipio, en nombre de ${cityName}. Si tiene alguna consulta, comuníquese con el administrador del ` +
    `contrato en ${managerEmail}.`,

  offTrack: {
    subject: ({ contractNumber, periodLabel, hasOffTrack }) =>
      hasOffTrack
        ? `Contrato ${contractNumber}, ${periodLabel}: solicitud de plan de acción correctiva`
        : `Contrato ${contractNumber}, ${periodLabel}: indicadores de desempeño en riesgo`,
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel }) =>
      `Hemos revisado los resultados de desempeño del contrato ${contractNumber}, “${contractTitle}” ` +
      `(${departmentName}), correspondientes a ${periodLabel}. Algunos indicadores no alcanzaron las metas ` +
      'establecidas en el contrato.',
    summary: ({ offTrackCount, atRiskCount }) => {
      const found = [
        offTrackCount > 0 ? `${offTrackCount} ${indicadores(offTrackCount)} fuera de meta` : '',
        atRiskCount > 0 ? `${atRiskCount} ${indicadores(atRiskCount)} en riesgo` : '',
      ].filter((part) => part !== '');
      return `La revisión identificó ${found.join(' y ')}.`;
    },
    tableCaption: ({ periodLabel }) => `Indicadores que requieren atención, ${periodLabel}`,
    nextSteps: 'Próximos pasos',
    planRequest: ({ managerEmail, date }) =>
      'Le solicitamos enviar un plan de acción correctiva para los indicadores fuera de meta al administrador ' +
      `del contrato (${managerEmail}) a más tardar el ${date}.`,
    planContentsIntro: 'El plan debe indicar:',
    planContents: [
      'las causas del incumplimiento;',
      'las acciones que tomará para corregirlo y quién será responsable de cada una;',
      'las fechas en que prevé que cada indicador vuelva a cumplir la meta.',
    ],
    atRiskRequest: ({ hasOffTrack, managerEmail, date }) =>
      hasOffTrack
        ? 'Los indicadores en riesgo no requieren todavía un plan, pero le pedimos darles un seguimiento cercano ' +
          'e incluir en su respuesta una breve explicación de las medidas que está tomando para evitar que ' +
          'queden fuera de meta.'
        : 'Por ahora no se requiere un plan de acción correctiva. Le pedimos dar un seguimiento cercano a estos ' +
          `indicadores y enviar al administrador del contrato (${managerEmail}), a más tardar el ${date}, una ` +
          'breve explicación de las medidas que está tomando para evitar que queden fuera de meta.',
    closingRemark:
      'Si considera que alguno de estos resultados no es correcto, le pedimos informarlo al administrador del ' +
      'contrato a la brevedad. Agradecemos su colaboración.',
  },

  missingData: {
    subject: ({ contractNumber, periodLabel }) =>
      `Contrato ${contractNumber}, ${periodLabel}: datos de desempeño pendientes`,
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel, count }) =>
      `No hemos recibido los resultados de ${periodLabel} ${count === 1 ? 'del siguiente indicador' : 'de los siguientes indicadores'} ` +
      `del contrato ${contractNumber}, “${contractTitle}” (${departmentName}). El periodo de reporte y su plazo ` +
      `de gracia ya concluyeron, por lo que ${count === 1 ? 'este indicador figura como no reportado' : 'estos indicadores figuran como no reportados'}.`,
    tableCaption: ({ periodLabel }) => `Indicadores sin datos, ${periodLabel}`,
    submitRequest: ({ date }) => `Le solicitamos enviar los valores pendientes a más tardar el ${date}.`,
    howToSubmit: 'Cómo enviar los datos',
    howIntro:
      'Envíe los valores por medio de la API con la clave de API de su empresa (encabezado ' +
      '“Authorization: Bearer <clave>”), de cualquiera de estas dos formas:',
    oneByOne:
      'Un indicador a la vez: envíe una solicitud PUT a la dirección de cada indicador, que aparece abajo, con un ' +
      'cuerpo JSON como {"value": 97.5, "note": "comentario opcional"}.',
    csvImport:
      'Varios indicadores a la vez: envíe por POST a la dirección de abajo un archivo CSV con las columnas ' +
      'contractNumber,kpiName,period,value,note. Puede partir de estas filas y completar los valores; agregue ' +
      '?dryRun=true a la dirección para revisar el archivo sin guardarlo.',
    valueFormat: ({ period }) =>
      'Escriba los valores con punto decimal y sin separador de miles (por ejemplo, 1234.5), y el periodo como ' +
      `${period}.`,
    alternative: ({ managerEmail }) =>
      `Si no puede utilizar la API, envíe los valores al administrador del contrato (${managerEmail}) dentro ` +
      'del mismo plazo.',
    closingRemark: 'Agradecemos su colaboración.',
  },

  escalation: {
    subject: ({ contractNumber, periodLabel, run }) =>
      `Escalamiento – contrato ${contractNumber}, ${periodLabel}: fuera de meta durante ` +
      `${run.shortest === run.longest ? run.longest : `${run.shortest} a ${run.longest}`} ` +
      `${run.longest === 1 ? 'periodo' : 'periodos consecutivos'}`,
    greeting: 'Estimado/a director/a:',
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel, vendorName, count, run, periods }) =>
      `${count === 1 ? 'El siguiente indicador' : 'Los siguientes indicadores'} del contrato ${contractNumber}, ` +
      `“${contractTitle}”, a cargo de ${vendorName}, ${count === 1 ? 'ha estado' : 'han estado'} fuera de meta ` +
      `durante ${run.shortest === run.longest ? run.longest : `${run.shortest} a ${run.longest}`} ` +
      `${run.longest === 1 ? 'periodo de reporte' : 'periodos de reporte consecutivos'}, hasta ${periodLabel} ` +
      `inclusive. El contrato prevé el escalamiento tras ${periods} ${periods === 1 ? 'periodo' : 'periodos'} ` +
      `fuera de meta, por lo que ponemos el caso en su conocimiento como titular de ${departmentName}.`,
    copied: ({ managerEmail }) => `El administrador del contrato (${managerEmail}) recibe copia de este mensaje.`,
    tableCaption: ({ periodLabel }) => `Indicadores fuera de meta, ${periodLabel}`,
    recentResults: 'Resultados recientes',
    nextSteps: 'Próximos pasos recomendados',
    recommendations: [
      'Reunirse con el proveedor, junto con el administrador del contrato, para revisar las causas y el plan de ' +
        'acción correctiva, y acordar fechas para recuperar el desempeño.',
      'Evaluar las medidas previstas en el contrato, como un requerimiento formal de cumplimiento, la retención ' +
        'de pagos o la aplicación de multas cuando el contrato las contemple, con la asesoría de las áreas de ' +
        'compras y jurídica.',
      'Dejar constancia de la decisión y de las acciones acordadas, para que la próxima evaluación y la reunión ' +
        'de desempeño del área les den seguimiento.',
    ],
  },
  meetingPack: {
    subject: ({ departmentName, periodLabel }) =>
      `Informe para la reunión de desempeño: ${departmentName}, ${periodLabel}`,
    greeting: 'Estimado/a director/a:',
    intro: ({ departmentName, periodLabel, attachmentName }) =>
      `Adjuntamos el informe para la reunión de desempeño de ${departmentName} correspondiente a ${periodLabel} ` +
      `(${attachmentName}). La evaluación del mes ha concluido para su dependencia.`,
    contents:
      'El informe presenta las cifras principales, cada contrato fuera de meta o en riesgo con sus indicadores y ' +
      'su evolución en los últimos seis meses, los avisos enviados en el periodo, los indicadores sin reportar y ' +
      'los pagos a proveedores de grupos diversos frente a las metas de diversidad de los contratos.',
    tableCaption: ({ periodLabel }) => `Resumen, ${periodLabel}`,
    columns: { figure: 'Cifra', value: 'Valor' },
    figures: {
      activeContracts: 'Contratos vigentes en el mes',
      kpisEvaluated: 'Indicadores evaluados',
      onTrackPercent: 'Porcentaje en meta',
      contractsNeedingAttention: 'Contratos fuera de meta o en riesgo',
      worseningKpis: 'Indicadores con tendencia a salir de meta',
    },
    asOfSending:
      'Las cifras adjuntas son las registradas al enviar este mensaje; el informe en línea muestra siempre las ' +
      'cifras vigentes.',
    link: 'Consultar el informe en línea',
    footer: ({ cityName }) =>
      'Este mensaje fue enviado automáticamente por el sistema de seguimiento del desempeño de contratos del ' +
      `municipio, en nombre de ${cityName}.`,
  },

  performanceEvaluation: {
    subject: ({ contractNumber, periodLabel }) => `Contrato ${contractNumber}: evaluación de desempeño, ${periodLabel}`,
    range: ({ fromLabel, toLabel }) => (fromLabel === toLabel ? fromLabel : `${fromLabel} a ${toLabel}`),
    intro: ({ contractNumber, contractTitle, departmentName, periodLabel }) =>
      `La ciudad ha concluido la evaluación formal de desempeño del contrato ${contractNumber}, “${contractTitle}” ` +
      `(${departmentName}), correspondiente al periodo de ${periodLabel}. Se basa en los resultados de los ` +
      'indicadores de desempeño del contrato en esos meses.',
    ratings: {
      good: 'Bueno',
      approaching_target: 'Cercano a la meta',
      requires_improvement: 'Requiere mejoras',
      inadequate: 'Inadecuado',
    },
    ratingIs: ({ rating }) => `Calificación general: ${rating}.`,
    tableCaption: ({ periodLabel }) => `Resumen de la evaluación, ${periodLabel}`,
    columns: { figure: 'Cifra', value: 'Valor' },
    figures: {
      rating: 'Calificación',
      evaluated: 'Resultados de indicadores evaluados',
      onTrack: 'Resultados en meta',
      onTrackPercent: 'Proporción en meta',
    },
    narrativeHeading: 'Valoración del evaluador',
    commentRequest: ({ date }) =>
      `Pueden presentar sus observaciones sobre esta evaluación hasta el ${date}, en la página del contrato del ` +
      'portal de proveedores o mediante la API.',
    afterDeadline:
      'Vencido ese plazo, la evaluación queda firme y sus observaciones se conservan junto a ella. Las evaluaciones ' +
      'firmes forman parte del historial de desempeño de su empresa con la ciudad y se consideran al renovar ' +
      'contratos.',
  },

  contractExpiry: {
    subject: ({ contractNumber, endDate, daysLeft }) =>
      `El contrato ${contractNumber} vence el ${endDate} (${daysLeft === 1 ? '1 día' : `${daysLeft} días`}): ` +
      'decisión pendiente',
    greeting: 'Estimado/a administrador/a del contrato:',
    intro: ({ contractNumber, contractTitle, vendorName, departmentName, endDate, daysLeft }) =>
      `El contrato ${contractNumber}, “${contractTitle}”, a cargo de ${vendorName} para ${departmentName}, vence ` +
      `el ${endDate}, ${daysLeft === 1 ? 'dentro de 1 día' : `dentro de ${daysLeft} días`}. Como administrador/a ` +
      'del contrato, le solicitamos decidir los pasos a seguir mientras haya tiempo para ejecutarlos.',
    results: ({ onTrack, evaluated, percent, months }) =>
      `En los últimos ${months} meses, ${onTrack} de ${evaluated} ${evaluated === 1 ? 'resultado' : 'resultados'} ` +
      `de los indicadores ${evaluated === 1 ? 'estuvo' : 'estuvieron'} en meta (${percent}).`,
    noResults: 'Aún no se ha registrado ningún resultado de los indicadores de este contrato.',
    tableCaption: 'Último resultado de cada indicador',
    decisionHeading: 'Decisión a tomar',
    decisionIntro: ({ endDate }) => `Antes del ${endDate}, decida si corresponde:`,
    decisions: [
      'renovar o prorrogar el contrato, si este lo permite y el desempeño del proveedor lo justifica;',
      'iniciar un nuevo proceso de contratación con la anticipación suficiente para adjudicarlo antes del vencimiento;',
      'dejar que el contrato termine y planificar el cierre con el proveedor y la dependencia.',
    ],
    renewalNote:
      'Para renovar se requiere una evaluación de desempeño definitiva del contrato con menos de 12 meses de antigüedad.',
    link: ({ contractNumber }) => `Abrir el contrato ${contractNumber}`,
    footer: ({ cityName }) =>
      'Este mensaje fue enviado automáticamente por el sistema de seguimiento del desempeño de contratos del ' +
      `municipio, en nombre de ${cityName}.`,
  },

  pack: {
    title: ({ departmentName, periodLabel }) =>
      `Informe para la reunión de desempeño: ${departmentName}, ${periodLabel}`,
    subtitle: ({ departmentName, departmentCode, periodLabel }) =>
      `${departmentName} (${departmentCode}), ${periodLabel}`,
    coverage: ({ departmentCode, periodLabels, monthLabel }) =>
      `Dependencia ${departmentCode}. Incluye las evaluaciones de ${periodLabels}; las tendencias muestran los ` +
      `seis meses hasta ${monthLabel}.`,
    notFinal: ({ count, dueOn }) =>
      `Cifras no definitivas: ${count === 1 ? '1 periodo de indicador sigue' : `${count} periodos de indicadores siguen`} ` +
      `dentro del plazo de gracia para reportar; el último vence el ${dueOn}.`,
    pageOf: ({ page, count }) => `Página ${page} de ${count}`,
    notEvaluated: 'Sin evaluar',
    headline: 'Cifras principales',
    figures: {
      activeContracts: 'Contratos vigentes en el mes',
      kpisEvaluated: 'Indicadores evaluados',
      onTrackShare: 'Porcentaje en meta',
      contractsNeedingAttention: 'Contratos fuera de meta o en riesgo',
      offTrackNotices: 'Avisos de incumplimiento',
      missingDataNotices: 'Avisos de datos pendientes',
      escalations: 'Escalamientos',
      payments: 'Pagos del mes',
      paidDiverse: 'Pagado a proveedores de grupos diversos',
      diverseShare: 'Porcentaje de pagos a grupos diversos',
      worseningKpis: 'Indicadores con tendencia a salir de meta',
    },
    columns: {
      figure: 'Cifra',
      value: 'Valor',
      contract: 'Contrato',
      vendor: 'Proveedor',
      kpi: 'Indicador',
      period: 'Periodo',
      target: 'Meta',
      offTrackIf: 'Fuera de meta si',
      status: 'Estado',
      notice: 'Aviso',
      to: 'Para',
      cc: 'Cc',
      goal: 'Meta',
      paidToDate: 'Pagado a la fecha',
      paidDiverse: 'Pagado a grupos diversos',
      diverseShare: 'Porcentaje diverso',
      goalMet: 'Meta cumplida',
      trend: ({ count }) => `Estado del contrato, últimos ${count} meses`,
    },
    contracts: {
      heading: 'Contratos fuera de meta o en riesgo',
      none: 'Ningún contrato está fuera de meta ni en riesgo este mes.',
      vendorAndStatus: ({ vendorName, status }) => `Proveedor: ${vendorName}. Estado del mes: ${status}.`,
      kpisOf: ({ contractNumber }) => `Indicadores de ${contractNumber}`,
      theirKpis: 'Sus indicadores',
    },
    notices: {
      heading: 'Avisos del periodo',
      none: 'No se registró ningún aviso para el periodo.',
      caption: 'Avisos',
      kinds: {
        off_track: 'Aviso de incumplimiento',
        missing_data: 'Aviso de datos pendientes',
        escalation: 'Escalamiento',
      },
      delivery: { pending: 'Pendiente', sent: 'Enviado', failed: 'Fallido', suppressed: 'Suprimido (vencido)' },
    },
    missing: {
      heading: 'Indicadores sin datos',
      none: 'Todos los indicadores evaluados tienen datos.',
      caption: 'Indicadores sin valor',
    },
    worsening: {
      heading: 'Alerta temprana: indicadores con tendencia a salir de meta',
      intro: ({ count }) =>
        `En meta o en riesgo este mes, pero la recta de mínimos cuadrados de sus últimos ${count} valores cruza el ` +
        'umbral de fuera de meta en el próximo periodo.',
      none: 'Ningún indicador tiende a salir de meta.',
      caption: 'Indicadores con tendencia a salir de meta',
      latest: 'Último valor',
      projected: 'Valor proyectado',
      projectedPeriod: 'Proyectado para',
    },
    diversity: {
      heading: 'Pagos a proveedores de grupos diversos frente a las metas de diversidad',
      none: 'Ningún contrato vigente tiene una meta de diversidad.',
      caption: ({ monthLabel }) => `Pagos acumulados hasta ${monthLabel}`,
      met: 'Cumplida',
      notMet: 'No cumplida',
    },
    engagements: {
      heading: 'Reuniones recientes con los proveedores',
      none: 'No se registró ninguna reunión, visita de obra ni llamada en los últimos seis meses.',
      caption: ({ monthLabel }) => `Las tres últimas reuniones de cada contrato, en los seis meses hasta ${monthLabel}`,
      kinds: { meeting: 'Reunión', site_visit: 'Visita de obra', call: 'Llamada' },
      columns: { date: 'Fecha', kind: 'Tipo', attendees: 'Asistentes', actions: 'Acciones acordadas' },
    },
  },
};
