import { Anchor, type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** A calm petrol blue; shades 6+ keep at least 4.5:1 against white and the light tints (WCAG AA). */
const petrol: MantineColorsTuple = [
  '#e7f3f5',
  '#d3e6ea',
  '#a6ccd4',
  '#76b1bd',
  '#4f9aa9',
  '#36899a',
  '#1b6a7a',
  '#155f6e',
  '#0f5563',
  '#004653',
];

export const theme = createTheme({
  primaryColor: 'petrol',
  primaryShade: 7,
  colors: { petrol },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'always',
  // Links must not be told apart from text by colour alone (WCAG 1.4.1).
  components: { Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }) },
});

/** Mantine's dimmed grey (3.3:1) and error red (3.6:1) fail AA on white; gray.7 and red.9 pass. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Text on the light tints (alerts, light badges) uses shade 6 by default: too pale for AA.
    ...Object.fromEntries(
      ['red', 'blue', 'green', 'orange', 'yellow', 'gray'].map((c) => [
        `--mantine-color-${c}-light-color`,
        `var(--mantine-color-${c}-9)`,
      ]),
    ),
  },
  dark: {},
});
