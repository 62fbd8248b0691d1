package app.catchball.api;

/** A nested item of an API row (a link, a measure) and how it reads in one CSV cell, e.g. "P1 Reduce falls (Ward 7)". */
interface CsvLabel {

    String csvLabel();
}
