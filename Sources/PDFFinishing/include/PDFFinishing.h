#ifndef HANDOUT_PDF_FINISHING_H
#define HANDOUT_PDF_FINISHING_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What the finishing step adds to a PDF cairo wrote, beyond what it reads from the file itself
/// (title, author, subject and dates come from the document information dictionary).
typedef struct handout_finish_request {
    /// BCP 47 language of the document: the catalog's /Lang and XMP dc:language.
    const char *language;
    /// ISO 8601 date of the document ("2026-11-15T00:00:00Z"), or NULL for none: the creation and
    /// modification dates are then removed (cairo stamps the clock's when told nothing).
    const char *date;
    /// Non-zero for a tagged PDF: every piece of untagged content is marked /Artifact and the
    /// catalog gets /MarkInfo.
    int tagged;
    /// /Alt for each Figure structure element, in the order they appear in the structure tree,
    /// and whether it holds a picture (1) or is a placeholder with words only (0).
    const char *const *figure_alternatives;
    const int *figure_has_picture;
    size_t figure_count;
    /// /Contents for each link annotation, page by page, in the order of each page's /Annots.
    const char *const *link_texts;
    size_t link_text_count;
    /// How many structure elements cairo made, counted in the order they were opened (the tree's
    /// pre-order, Document first); 0 when the caller did not count them.
    size_t element_count;
    /// Elements cairo had to start again on a later page (a list or paragraph that crosses a page
    /// break), each with the element it continues, as indexes in that count. Each continuation's
    /// contents move into the element it continues, so a list is one L however it is paged.
    const size_t *continued_elements;
    const size_t *original_elements;
    size_t continuation_count;
    /// Elements whose text is in another language than the document's, as indexes in the same
    /// count, with that language (BCP 47): each gets its own /Lang.
    const size_t *language_elements;
    const char *const *element_languages;
    size_t language_count;
} handout_finish_request;

/// Receives the finished file's bytes.
typedef void (*handout_finish_sink)(void *closure, const unsigned char *data, size_t length);

/// Rewrites `pdf` with qpdf as `request` asks, with object streams and a deterministic /ID, and
/// hands the result to `sink`. Returns 0, or -1 with a one-line reason in `error`.
int handout_finish_pdf(const unsigned char *pdf, size_t length, const handout_finish_request *request,
                       handout_finish_sink sink, void *closure, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
