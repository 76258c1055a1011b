#include <qpdf/qpdf-c.h>

/* QPDF_ERRORS is a shifted expression, which Swift does not import as a constant. */
static const int HANDOUT_QPDF_ERRORS = QPDF_ERRORS;
