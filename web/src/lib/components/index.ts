// The shared components: every page imports from `$lib/components` so the whole service looks and
// behaves the same (GOV.UK Design System markup). Add new components here.
export { default as BackLink } from './BackLink.svelte';
export { default as Button } from './Button.svelte';
export { default as Checkbox } from './Checkbox.svelte';
export { default as Checkboxes } from './Checkboxes.svelte';
export { default as ContactDetails } from './ContactDetails.svelte';
export { default as DateInput } from './DateInput.svelte';
export { default as Details } from './Details.svelte';
export { default as ErrorSummary } from './ErrorSummary.svelte';
export { default as Fieldset } from './Fieldset.svelte';
export { default as FormGroup } from './FormGroup.svelte';
export { default as InsetText } from './InsetText.svelte';
export { default as LiveRegion } from './LiveRegion.svelte';
export { default as NotificationBanner } from './NotificationBanner.svelte';
export { default as PageHeading } from './PageHeading.svelte';
export { default as PageTitle } from './PageTitle.svelte';
export { default as Pagination } from './Pagination.svelte';
export { default as Radios } from './Radios.svelte';
export { default as Select } from './Select.svelte';
export { default as SummaryList } from './SummaryList.svelte';
export { default as Table } from './Table.svelte';
export { default as Tag } from './Tag.svelte';
export { default as Textarea } from './Textarea.svelte';
export { default as TextInput } from './TextInput.svelte';
export { default as ScrollRegion } from './ScrollRegion.svelte';
export { syncChecked, syncValue } from './form-state';
export { default as WarningText } from './WarningText.svelte';
export { default as CourseEligibility } from './CourseEligibility.svelte';
