// The security gate's own rule for window options (electronegativity matches only the literal name
// `new BrowserWindow(`, so a constructor passed in as a parameter, `new BrowserWindowCtor(`, slipped past it).
// With TypeScript's parser it finds every `new …BrowserWindow…(` / `new …BrowserView(` / `new …WebContentsView(`
// and every object literal with a `webPreferences` key, and requires the options to be written out literally with
// Electron's checklist values. Options built elsewhere, spread in or missing count as findings: the gate cannot
// see them, so it cannot vouch for them.
import ts from 'typescript';

/** Must be present, with exactly this literal value. */
const REQUIRED = { contextIsolation: true, sandbox: true, nodeIntegration: false };
/** May be left out (Electron's default is safe); if written, must have this literal value. */
const IF_PRESENT = {
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
};
const WINDOW_CLASS = /BrowserWindow|BrowserView|WebContentsView/;

function propertyName(property) {
  const name = property.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** true/false for a literal boolean, undefined for anything else (a variable, an expression). */
function literalBoolean(node) {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/**
 * Findings for one source file: `{ line, column, message }` (1-based). `fileName` picks the parser's dialect
 * (.ts/.mts/.cts/.js).
 */
export function checkWindowOptions(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const findings = [];
  const report = (node, message) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ line: line + 1, column: character + 1, message });
  };

  const checkWebPreferences = (node) => {
    if (!ts.isObjectLiteralExpression(node)) {
      report(node, 'webPreferences must be an object literal written here, so its values can be checked');
      return;
    }
    const values = new Map();
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        report(property, 'webPreferences must not spread in other options (the gate cannot see them)');
        continue;
      }
      const name = propertyName(property);
      if (name !== undefined && ts.isPropertyAssignment(property)) values.set(name, property);
    }
    for (const [name, wanted] of Object.entries({ ...REQUIRED, ...IF_PRESENT })) {
      const property = values.get(name);
      if (!property) {
        if (name in REQUIRED) report(node, `webPreferences.${name} must be set to ${wanted} (it is missing)`);
        continue;
      }
      const actual = literalBoolean(property.initializer);
      if (actual !== wanted) {
        report(
          property,
          `webPreferences.${name} must be the literal ${wanted}, found ${property.initializer.getText(source)}`,
        );
      }
    }
  };

  /** The options object of a window: a literal whose webPreferences is checked (where the visitor finds it). */
  const checkWindowConstruction = (node) => {
    const options = node.arguments?.[0];
    if (!options) {
      report(node, `${node.expression.getText(source)} is created without options: write its webPreferences out`);
      return;
    }
    if (!ts.isObjectLiteralExpression(options)) {
      report(options, 'window options must be an object literal written here, so the gate can check them');
      return;
    }
    const hasWebPreferences = options.properties.some(
      (p) => propertyName(p) === 'webPreferences' || ts.isSpreadAssignment(p),
    );
    if (!hasWebPreferences) report(options, 'window options have no webPreferences: write them out');
    for (const property of options.properties) {
      if (ts.isSpreadAssignment(property)) report(property, 'window options must not spread in other options');
    }
  };

  const visit = (node) => {
    if (ts.isNewExpression(node) && WINDOW_CLASS.test(node.expression.getText(source))) {
      checkWindowConstruction(node);
    }
    if (ts.isPropertyAssignment(node) && propertyName(node) === 'webPreferences') {
      checkWebPreferences(node.initializer);
    }
    if (ts.isShorthandPropertyAssignment(node) && node.name.text === 'webPreferences') {
      report(node, 'webPreferences must be an object literal written here, so its values can be checked');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
