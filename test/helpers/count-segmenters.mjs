// Loaded with `node --import`: prints a line each time the program builds an
// Intl.Segmenter, which costs ICU a list of every locale it has on the first one.
const Segmenter = Intl.Segmenter;
Intl.Segmenter = class extends Segmenter {
  constructor(...args) {
    super(...args);
    process.stderr.write('built Intl.Segmenter\n');
  }
};
