/**
 * What the pages need for screen readers that the components do not give on their own
 * (docs/accessibility.md).
 */
package br.com.sopdesk.accessibility;
