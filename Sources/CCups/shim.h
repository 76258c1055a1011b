// libcups is opened the first time printing needs it, not when the program starts: loading it
// and the 30 libraries it pulls in (GnuTLS, Kerberos, Avahi…) cost every `handout render` about
// 3 ms, though only printing uses it. Each function Handout calls goes through a pointer looked
// up once with dlsym; `handout_cups_available()` says whether the library could be opened.
#include <cups/cups.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

// The handle lives in a function: Swift's importer emits static inline functions with their
// local statics, but not a header's file-scope statics. Each Swift file may get its own copy,
// which only means one more dlopen of a library already open (it is reference counted).
static inline void **handout_cups_handle(void) {
    static void *handle;
    return &handle;
}

static inline void handout_cups_open(void) {
    *handout_cups_handle() = dlopen("libcups.so.2", RTLD_NOW | RTLD_LOCAL);
}

/// Opens libcups once; 0 when it is not installed.
static inline int handout_cups_available(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, handout_cups_open);
    return *handout_cups_handle() != NULL;
}

static inline void *handout_cups_symbol(const char *name) {
    return handout_cups_available() ? dlsym(*handout_cups_handle(), name) : NULL;
}

// A wrapper named handout_NAME for each libcups function NAME. Callers check
// handout_cups_available() first; a symbol missing from an installed libcups is a broken
// installation, which aborts rather than calls through a null pointer.
#define HANDOUT_CUPS(ret, name, params, args) \
    static inline ret handout_##name params { \
        static ret (*function) params; \
        if (!function) { \
            function = (ret (*) params) handout_cups_symbol(#name); \
            if (!function) abort(); \
        } \
        return function args; \
    }

HANDOUT_CUPS(int, cupsAddOption, (const char *name, const char *value, int num_options, cups_option_t **options), (name, value, num_options, options))
HANDOUT_CUPS(ipp_status_t, cupsCancelDestJob, (http_t *http, cups_dest_t *dest, int job_id), (http, dest, job_id))
HANDOUT_CUPS(int, cupsCheckDestSupported, (http_t *http, cups_dest_t *dest, cups_dinfo_t *info, const char *option, const char *value), (http, dest, info, option, value))
HANDOUT_CUPS(http_t *, cupsConnectDest, (cups_dest_t *dest, unsigned flags, int msec, int *cancel, char *resource, size_t resourcesize, cups_dest_cb_t cb, void *user_data), (dest, flags, msec, cancel, resource, resourcesize, cb, user_data))
HANDOUT_CUPS(cups_dinfo_t *, cupsCopyDestInfo, (http_t *http, cups_dest_t *dest), (http, dest))
HANDOUT_CUPS(ipp_status_t, cupsCreateDestJob, (http_t *http, cups_dest_t *dest, cups_dinfo_t *info, int *job_id, const char *title, int num_options, cups_option_t *options), (http, dest, info, job_id, title, num_options, options))
HANDOUT_CUPS(ipp_t *, cupsDoRequest, (http_t *http, ipp_t *request, const char *resource), (http, request, resource))
HANDOUT_CUPS(http_encryption_t, cupsEncryption, (void), ())
HANDOUT_CUPS(ipp_status_t, cupsFinishDestDocument, (http_t *http, cups_dest_t *dest, cups_dinfo_t *info), (http, dest, info))
HANDOUT_CUPS(void, cupsFreeDestInfo, (cups_dinfo_t *dinfo), (dinfo))
HANDOUT_CUPS(void, cupsFreeDests, (int num_dests, cups_dest_t *dests), (num_dests, dests))
HANDOUT_CUPS(void, cupsFreeOptions, (int num_options, cups_option_t *options), (num_options, options))
HANDOUT_CUPS(cups_dest_t *, cupsGetDestWithURI, (const char *name, const char *uri), (name, uri))
HANDOUT_CUPS(int, cupsGetDests2, (http_t *http, cups_dest_t **dests), (http, dests))
HANDOUT_CUPS(cups_dest_t *, cupsGetNamedDest, (http_t *http, const char *name, const char *instance), (http, name, instance))
HANDOUT_CUPS(const char *, cupsGetOption, (const char *name, int num_options, cups_option_t *options), (name, num_options, options))
HANDOUT_CUPS(ipp_status_t, cupsLastError, (void), ())
HANDOUT_CUPS(const char *, cupsLastErrorString, (void), ())
HANDOUT_CUPS(const char *, cupsServer, (void), ())
HANDOUT_CUPS(void, cupsSetServer, (const char *server), (server))
HANDOUT_CUPS(http_status_t, cupsStartDestDocument, (http_t *http, cups_dest_t *dest, cups_dinfo_t *info, int job_id, const char *docname, const char *format, int num_options, cups_option_t *options, int last_document), (http, dest, info, job_id, docname, format, num_options, options, last_document))
HANDOUT_CUPS(const char *, cupsUser, (void), ())
HANDOUT_CUPS(http_status_t, cupsWriteRequestData, (http_t *http, const char *buffer, size_t length), (http, buffer, length))
HANDOUT_CUPS(void, httpClose, (http_t *http), (http))
HANDOUT_CUPS(http_t *, httpConnect2, (const char *host, int port, http_addrlist_t *addrlist, int family, http_encryption_t encryption, int blocking, int msec, int *cancel), (host, port, addrlist, family, encryption, blocking, msec, cancel))
HANDOUT_CUPS(int, httpError, (http_t *http), (http))
HANDOUT_CUPS(int, httpGetFd, (http_t *http), (http))
HANDOUT_CUPS(void, httpSetTimeout, (http_t *http, double timeout, http_timeout_cb_t cb, void *user_data), (http, timeout, cb, user_data))
HANDOUT_CUPS(ipp_attribute_t *, ippAddString, (ipp_t *ipp, ipp_tag_t group, ipp_tag_t value_tag, const char *name, const char *language, const char *value), (ipp, group, value_tag, name, language, value))
HANDOUT_CUPS(void, ippDelete, (ipp_t *ipp), (ipp))
HANDOUT_CUPS(const char *, ippErrorString, (ipp_status_t error), (error))
HANDOUT_CUPS(ipp_attribute_t *, ippFirstAttribute, (ipp_t *ipp), (ipp))
HANDOUT_CUPS(ipp_tag_t, ippGetGroupTag, (ipp_attribute_t *attr), (attr))
HANDOUT_CUPS(const char *, ippGetName, (ipp_attribute_t *attr), (attr))
HANDOUT_CUPS(const char *, ippGetString, (ipp_attribute_t *attr, int element, const char **language), (attr, element, language))
HANDOUT_CUPS(ipp_t *, ippNewRequest, (ipp_op_t op), (op))
HANDOUT_CUPS(ipp_attribute_t *, ippNextAttribute, (ipp_t *ipp), (ipp))
HANDOUT_CUPS(int, ippPort, (void), ())
HANDOUT_CUPS(int, ippSetString, (ipp_t *ipp, ipp_attribute_t **attr, int element, const char *strvalue), (ipp, attr, element, strvalue))
