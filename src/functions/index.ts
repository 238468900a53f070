/**
 * The custom functions: every adapter module, imported for what it does on load (the metadata
 * plugin appends each module's `CustomFunctions.associate` calls; its JSDoc is functions.json).
 * One entry module, not six, so that the bundler can join the modules into one scope.
 */
import "./cluster";
import "./inference";
import "./training";
import "./customChip";
import "./scaling";
import "./assumptions";
