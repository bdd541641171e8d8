export { OutcomeChip, RULE_OUTCOMES, outcomeLabel } from './OutcomeChip';
export {
  CreateExemptionDialog,
  type RuleOption,
} from './CreateExemptionDialog';
export { RevokeExemptionDialog } from './RevokeExemptionDialog';
export { EvidenceList } from './EvidenceList';
export { RemediationText } from './RemediationText';
