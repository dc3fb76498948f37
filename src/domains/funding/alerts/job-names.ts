/** The job (alerts/jobs.ts) that sends immediate notices; imports and pointers queue it. */
export const IMMEDIATE_ALERTS_JOB = 'funding.alerts.immediate';
