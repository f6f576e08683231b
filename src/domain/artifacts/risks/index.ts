export { impactClass, riskLevel, riskRegister } from './register.js';
export { RISK_THRESHOLDS, type Risk, type RiskCategory, type RiskLevel } from './risk.js';
