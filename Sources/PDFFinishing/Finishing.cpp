// The finishing step on qpdf's C++ API: what cairo 1.16 cannot write into a tagged PDF, and its
// embedded fonts without their hinting (harfbuzz's subsetter). qpdf's C API has no content-stream
// tokenizer, so this small target exposes one C function to Swift.

#include "PDFFinishing.h"

// qpdf 11 asks callers to choose; this file uses no PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

#include <hb-subset.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

// Marks every painting operation that lies outside all marked content as an /Artifact, so that
// each piece of a page is either in the structure tree or declared decoration (header, footer,
// rules, box fills). Each painting operation is wrapped on its own: a path from its first
// construction operator to its painting operator, a text-showing operator inside its text object,
// an XObject or shading, an inline image. q/Q and state operators stay outside the wrappers, so
// marked content and graphics-state nesting never interleave.
//
// cairo tags text but not pictures: an image drawn inside a Figure element lands outside any
// marked content. Those are given a marked-content sequence of their own, with a new MCID, for
// the caller to add to their Figure element.
class ArtifactMarker : public QPDFObjectHandle::TokenFilter {
  public:
    ArtifactMarker(std::set<std::string> images, int firstMCID) : images(std::move(images)), nextMCID(firstMCID) {}

    /// The MCIDs given to pictures, in the order they are drawn.
    std::vector<int> pictureMCIDs;

    void handleToken(QPDFTokenizer::Token const& token) override {
        switch (token.getType()) {
        case QPDFTokenizer::tt_word:
            handleOperator(token);
            break;
        case QPDFTokenizer::tt_inline_image:
            // The image data and its closing EI, after BI ... ID.
            flush(token);
            if (inImage) {
                write("\nEMC\n");
                inImage = false;
            }
            break;
        default:
            // Operands wait, as text, until their operator says whether a wrapper goes before them.
            if (token.getType() == QPDFTokenizer::tt_name) lastName = token.getValue();
            pending += token.getRawValue();
        }
    }

    void handleEOF() override {
        write(pending);
        pending.clear();
        if (inPath || inImage) write("\nEMC\n");
    }

  private:
    std::string pending;
    std::string lastName;
    std::set<std::string> images;
    int nextMCID;
    int depth = 0;
    bool inPath = false;
    bool inImage = false;

    static bool isOneOf(std::string const& word, std::set<std::string> const& words) { return words.count(word) > 0; }

    /// Whether the pending operand of a Do names one of the page's image XObjects.
    bool drawsImage() const { return images.count(lastName) > 0; }

    void flush(QPDFTokenizer::Token const& op) {
        write(pending);
        pending.clear();
        lastName.clear();
        writeToken(op);
    }

    void handleOperator(QPDFTokenizer::Token const& op) {
        std::string const& word = op.getValue();
        static std::set<std::string> const construction = {"m", "re"};
        static std::set<std::string> const painting = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"};
        static std::set<std::string> const showing = {"Tj", "TJ", "'", "\"", "Do", "sh"};
        if (depth == 0 && word == "Do" && drawsImage()) {
            write("/Figure << /MCID " + std::to_string(nextMCID) + " >> BDC\n");
            flush(op);
            write("\nEMC\n");
            pictureMCIDs.push_back(nextMCID++);
            return;
        }
        if (word == "BDC" || word == "BMC") {
            flush(op);
            depth += 1;
        } else if (word == "EMC") {
            flush(op);
            if (depth > 0) depth -= 1;
        } else if (depth > 0) {
            flush(op);
        } else if (isOneOf(word, construction) && !inPath) {
            write("/Artifact BMC\n");
            flush(op);
            inPath = true;
        } else if (isOneOf(word, painting) && inPath) {
            flush(op);
            write("\nEMC\n");
            inPath = false;
        } else if (isOneOf(word, showing)) {
            write("/Artifact BMC\n");
            flush(op);
            write("\nEMC\n");
        } else if (word == "BI") {
            write("/Artifact BMC\n");
            flush(op);
            inImage = true;
        } else {
            flush(op);
        }
    }
};

std::string xmlEscaped(std::string const& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

/// "D:20261115000000Z" (or with an offset) as ISO 8601 "2026-11-15T00:00:00Z"; empty if not a date.
std::string isoDate(std::string const& pdfDate) {
    std::string digits = pdfDate.rfind("D:", 0) == 0 ? pdfDate.substr(2) : pdfDate;
    if (digits.size() < 14) return "";
    std::string iso = digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2) + "T" + digits.substr(8, 2) + ":" +
                      digits.substr(10, 2) + ":" + digits.substr(12, 2);
    std::string zone = digits.substr(14);
    if (zone.empty() || zone[0] == 'Z') return iso + "Z";
    if ((zone[0] == '+' || zone[0] == '-') && zone.size() >= 6) return iso + zone.substr(0, 3) + ":" + zone.substr(4, 2);
    return iso + "Z";
}

/// "2026-11-15T00:00:00Z" as a PDF date, "D:20261115000000Z".
std::string pdfDate(std::string const& iso) {
    std::string digits;
    for (char c : iso.substr(0, 19)) {
        if (c >= '0' && c <= '9') digits += c;
    }
    return "D:" + digits + "Z";
}

std::string infoString(QPDFObjectHandle info, char const* key) {
    if (!info.isDictionary() || !info.hasKey(key)) return "";
    QPDFObjectHandle value = info.getKey(key);
    return value.isString() ? value.getUTF8Value() : "";
}

/// The XMP packet saying what the document information dictionary says, plus its language.
std::string xmpPacket(QPDFObjectHandle info, std::string const& language) {
    std::string title = infoString(info, "/Title"), author = infoString(info, "/Author"),
                subject = infoString(info, "/Subject"), creator = infoString(info, "/Creator"),
                producer = infoString(info, "/Producer"), created = isoDate(infoString(info, "/CreationDate")),
                modified = isoDate(infoString(info, "/ModDate"));
    std::string xmp = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                      "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                      " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    xmp += "   <dc:format>application/pdf</dc:format>\n";
    if (!title.empty()) xmp += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscaped(title) + "</rdf:li></rdf:Alt></dc:title>\n";
    if (!author.empty()) xmp += "   <dc:creator><rdf:Seq><rdf:li>" + xmlEscaped(author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!subject.empty()) {
        xmp += "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscaped(subject) + "</rdf:li></rdf:Alt></dc:description>\n";
    }
    xmp += "   <dc:language><rdf:Bag><rdf:li>" + xmlEscaped(language) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!creator.empty()) xmp += "   <xmp:CreatorTool>" + xmlEscaped(creator) + "</xmp:CreatorTool>\n";
    if (!created.empty()) xmp += "   <xmp:CreateDate>" + created + "</xmp:CreateDate>\n";
    if (!modified.empty()) xmp += "   <xmp:ModifyDate>" + modified + "</xmp:ModifyDate>\n";
    if (!producer.empty()) xmp += "   <pdf:Producer>" + xmlEscaped(producer) + "</pdf:Producer>\n";
    xmp += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return xmp;
}

/// The array of structure elements for a page's MCIDs, from the parent tree.
QPDFObjectHandle parentsOf(QPDF& pdf, QPDFObjectHandle tree, QPDFObjectHandle page) {
    QPDFObjectHandle key = page.getKey("/StructParents");
    QPDFObjectHandle parents;
    if (!key.isInteger() || !tree.isDictionary() || !tree.getKey("/ParentTree").isDictionary()) return parents;
    QPDFNumberTreeObjectHelper numbers(tree.getKey("/ParentTree"), pdf);
    numbers.findObject(key.getIntValue(), parents);
    return parents;
}

/// Walks the Figure elements in tree order: sets each one's /Alt and gives the ones that hold a
/// picture the next picture's marked content.
struct FigureWalker {
    handout_finish_request const* request;
    std::vector<std::pair<QPDFObjectHandle, int>> const& pictures;  // page, MCID
    QPDF& pdf;
    QPDFObjectHandle tree;
    size_t next = 0;
    size_t nextPicture = 0;

    void walk(QPDFObjectHandle node) {
        if (node.isArray()) {
            for (int i = 0; i < node.getArrayNItems(); ++i) walk(node.getArrayItem(i));
            return;
        }
        if (!node.isDictionary() || !node.hasKey("/S")) return;
        QPDFObjectHandle role = node.getKey("/S");
        if (role.isName() && role.getName() == "/Figure") figure(node);
        if (node.hasKey("/K")) walk(node.getKey("/K"));
    }

    void figure(QPDFObjectHandle node) {
        if (next >= request->figure_count) throw std::runtime_error("the PDF has more figures than descriptions");
        node.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(request->figure_alternatives[next]));
        bool picture = request->figure_has_picture && request->figure_has_picture[next];
        next += 1;
        if (!picture) return;
        if (nextPicture >= pictures.size()) throw std::runtime_error("a figure's picture was not found on its page");
        auto const& [page, mcid] = pictures[nextPicture++];
        QPDFObjectHandle reference = QPDFObjectHandle::parse("<< /Type /MCR >>");
        reference.replaceKey("/Pg", page);
        reference.replaceKey("/MCID", QPDFObjectHandle::newInteger(mcid));
        QPDFObjectHandle kids = node.getKey("/K");
        if (kids.isArray()) {
            kids.insertItem(0, reference);
        } else {
            QPDFObjectHandle both = QPDFObjectHandle::newArray();
            both.appendItem(reference);
            if (!kids.isNull()) both.appendItem(kids);
            node.replaceKey("/K", both);
        }
        QPDFObjectHandle parents = parentsOf(pdf, tree, page);
        if (!parents.isArray() || parents.getArrayNItems() != mcid) throw std::runtime_error("a page's parent tree does not match its MCIDs");
        parents.appendItem(node);
    }
};

bool isType(QPDFObjectHandle object, char const* type) {
    return object.isDictionary() && object.getKey("/Type").isName() && object.getKey("/Type").getName() == type;
}

/// The structure elements under `node` in pre-order, which is the order cairo opened them.
void collectElements(QPDFObjectHandle node, std::vector<QPDFObjectHandle>& into) {
    if (node.isArray()) {
        for (int i = 0; i < node.getArrayNItems(); ++i) collectElements(node.getArrayItem(i), into);
        return;
    }
    if (!node.isDictionary() || !node.hasKey("/S")) return;
    into.push_back(node);
    if (node.hasKey("/K")) collectElements(node.getKey("/K"), into);
}

/// An element's kids as an array, made one if /K held a single kid or none.
QPDFObjectHandle kidsOf(QPDFObjectHandle element) {
    QPDFObjectHandle kids = element.getKey("/K");
    if (kids.isArray()) return kids;
    QPDFObjectHandle array = QPDFObjectHandle::newArray();
    if (!kids.isNull()) array.appendItem(kids);
    element.replaceKey("/K", array);
    return array;
}

/// Moves everything in `continued` to the end of `original` and takes `continued` out of the
/// tree. cairo ends every element with its page (marked content cannot cross one), so a list
/// that crosses a page break comes out as two lists; a screen reader must hear one.
void mergeContinuation(QPDF& pdf, QPDFObjectHandle tree, QPDFObjectHandle continued, QPDFObjectHandle original) {
    QPDFObjectHandle into = kidsOf(original);
    QPDFObjectHandle moving = kidsOf(continued);
    QPDFObjectHandle page = continued.getKey("/Pg");
    for (int i = 0; i < moving.getArrayNItems(); ++i) {
        QPDFObjectHandle kid = moving.getArrayItem(i);
        if (kid.isInteger() || isType(kid, "/MCR")) {
            // Marked content: a bare MCID means "on my page", which the original's page may not
            // be, so it becomes a reference that names its page; the parent tree then names the
            // element it now belongs to.
            QPDFObjectHandle on = kid.isInteger() || !kid.hasKey("/Pg") ? page : kid.getKey("/Pg");
            int mcid = kid.isInteger() ? kid.getIntValueAsInt() : kid.getKey("/MCID").getIntValueAsInt();
            if (!on.isDictionary()) throw std::runtime_error("a continued element's marked content names no page");
            QPDFObjectHandle parents = parentsOf(pdf, tree, on);
            if (!parents.isArray() || mcid < 0 || mcid >= parents.getArrayNItems()) {
                throw std::runtime_error("a page's parent tree does not hold a continued element's marked content");
            }
            parents.setArrayItem(mcid, original);
            kid = QPDFObjectHandle::parse("<< /Type /MCR >>");
            kid.replaceKey("/Pg", on);
            kid.replaceKey("/MCID", QPDFObjectHandle::newInteger(mcid));
        } else if (isType(kid, "/OBJR")) {
            QPDFObjectHandle key = kid.getKey("/Obj").getKey("/StructParent");
            if (key.isInteger()) QPDFNumberTreeObjectHelper(tree.getKey("/ParentTree"), pdf).insert(key.getIntValue(), original);
            if (!kid.hasKey("/Pg") && page.isDictionary()) kid.replaceKey("/Pg", page);
        } else if (kid.isDictionary()) {
            kid.replaceKey("/P", original);
        }
        into.appendItem(kid);
    }
    // An element is its parent's kid once; it was appended last or nearly, so look from the end.
    QPDFObjectHandle siblings = kidsOf(continued.getKey("/P"));
    for (int i = siblings.getArrayNItems() - 1; i >= 0; --i) {
        if (siblings.getArrayItem(i).getObjGen() == continued.getObjGen()) {
            siblings.eraseItem(i);
            break;
        }
    }
}

/// Joins each element cairo started again on a later page to the first element of its chain
/// (the renderer notes each continuation against the one before it), in the order they were
/// opened. So each element's kids move once, wherever it continues from: merging the latest
/// first moved a long list's items again at every page it had crossed, quadratic in its length.
/// A list item continued inside a continued list still joins its own item: the item moves into
/// the first list with the rest of its page, and is then merged into its item and taken out.
void mergeContinuations(QPDF& pdf, QPDFObjectHandle tree, std::vector<QPDFObjectHandle> const& elements,
                        handout_finish_request const* request) {
    std::vector<std::pair<size_t, size_t>> pairs;
    for (size_t i = 0; i < request->continuation_count; ++i) {
        size_t continued = request->continued_elements[i], original = request->original_elements[i];
        if (continued >= elements.size() || original >= continued) throw std::runtime_error("a continued element is out of order");
        pairs.emplace_back(continued, original);
    }
    std::sort(pairs.begin(), pairs.end());
    std::unordered_map<size_t, size_t> first;  // continued element -> the first of its chain
    for (auto const& [continued, original] : pairs) {
        auto known = first.find(original);
        size_t into = known == first.end() ? original : known->second;
        first[continued] = into;
        mergeContinuation(pdf, tree, elements[continued], elements[into]);
    }
}

/// Gives the elements of a part in another language their own /Lang (a Spanish handout in an
/// English booklet), so a screen reader switches voice there.
void setLanguages(std::vector<QPDFObjectHandle> const& elements, handout_finish_request const* request) {
    for (size_t i = 0; i < request->language_count; ++i) {
        size_t index = request->language_elements[i];
        if (index >= elements.size()) throw std::runtime_error("an element given a language is not in the tree");
        QPDFObjectHandle element = elements[index];
        element.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(request->element_languages[i]));
    }
}

/// The structure elements in the order the renderer opened them, checked against its count.
std::vector<QPDFObjectHandle> openedElements(QPDFObjectHandle tree, handout_finish_request const* request) {
    std::vector<QPDFObjectHandle> elements;
    if (request->element_count == 0 || !tree.isDictionary()) return elements;
    collectElements(tree.getKey("/K"), elements);
    if (elements.size() != request->element_count) {
        throw std::runtime_error("the structure tree has " + std::to_string(elements.size()) + " elements, the renderer opened " +
                                 std::to_string(request->element_count));
    }
    return elements;
}

/// Says that each table header cell heads its row: Handout's only tables are label-and-value
/// rows ("Procedure date" | "Thursday, …"), and cairo cannot write structure attributes.
void scopeRowHeaders(QPDFObjectHandle tree) {
    if (!tree.isDictionary()) return;
    std::vector<QPDFObjectHandle> elements;
    collectElements(tree.getKey("/K"), elements);
    for (auto& element : elements) {
        QPDFObjectHandle role = element.getKey("/S");
        if (role.isName() && role.getName() == "/TH" && !element.hasKey("/A")) {
            element.replaceKey("/A", QPDFObjectHandle::parse("<< /O /Table /Scope /Row >>"));
        }
    }
}

/// Owners of harfbuzz objects: each is destroyed once, on every way out of the scope that made it.
template <auto destroy>
struct HarfBuzzRelease {
    template <typename T>
    void operator()(T* object) const { destroy(object); }
};
using HarfBuzzBlob = std::unique_ptr<hb_blob_t, HarfBuzzRelease<hb_blob_destroy>>;
using HarfBuzzFace = std::unique_ptr<hb_face_t, HarfBuzzRelease<hb_face_destroy>>;
using HarfBuzzSubsetInput = std::unique_ptr<hb_subset_input_t, HarfBuzzRelease<hb_subset_input_destroy>>;

/// A TrueType font program without its hinting: no `cvt `, `fpgm` or `prep` table and no
/// instructions in the glyphs, everything else kept, every glyph at its own id and `cmap` byte for
/// byte (the PDF's simple TrueType fonts select glyphs through the cmap cairo wrote). Empty when
/// harfbuzz cannot do it: the font then stays as cairo wrote it, only larger, because a patient's
/// handout must never fail for want of a smaller file.
std::string unhintedFontProgram(std::string const& program) {
    // The blob reads `program` in place; it and the face made from it die first.
    HarfBuzzBlob blob(hb_blob_create(program.data(), static_cast<unsigned>(program.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    HarfBuzzFace face(hb_face_create(blob.get(), 0));
    unsigned glyphs = hb_face_get_glyph_count(face.get());
    if (glyphs == 0) return std::string();
    HarfBuzzSubsetInput input(hb_subset_input_create_or_fail());
    if (!input) return std::string();
    // The input owns its sets.
    hb_set_add_range(hb_subset_input_glyph_set(input.get()), 0, glyphs - 1);
    hb_set_add(hb_subset_input_set(input.get(), HB_SUBSET_SETS_NO_SUBSET_TABLE_TAG), HB_TAG('c', 'm', 'a', 'p'));
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE |
                                               HB_SUBSET_FLAGS_PASSTHROUGH_UNRECOGNIZED);
    HarfBuzzFace subset(hb_subset_or_fail(face.get(), input.get()));
    if (!subset) return std::string();
    HarfBuzzBlob written(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    char const* data = hb_blob_get_data(written.get(), &length);
    return data && length > 0 ? std::string(data, length) : std::string();
}

/// A bounded map shared by every thread of the process, for work that gives the same bytes from
/// the same bytes. A batch or the front desk makes one handout again and again: cairo writes the
/// same page and the same font subset whenever the same words and glyphs are used, so each is
/// finished once. A full cache starts again.
template <typename Value>
class SharedCache {
  public:
    bool find(std::string const& key, Value& value) {
        std::lock_guard<std::mutex> guard(lock);
        auto found = known.find(key);
        if (found == known.end()) return false;
        value = found->second;
        return true;
    }

    void keep(std::string const& key, Value const& value) {
        // A large picture is met once; keeping it would only hold memory.
        if (key.size() > 256 * 1024) return;
        std::lock_guard<std::mutex> guard(lock);
        if (known.size() >= limit) known.clear();
        known.emplace(key, value);
    }

  private:
    static constexpr size_t limit = 64;
    std::mutex lock;
    std::unordered_map<std::string, Value> known;
};

/// A qpdf buffer's bytes as a string.
std::string bytesOf(Buffer& buffer) {
    return std::string(reinterpret_cast<char const*>(buffer.getBuffer()), buffer.getSize());
}

/// `data` through qpdf's flate in `action`, at its default level: the level cairo compresses at,
/// so a stream cairo stored comes out as cairo would have compressed it.
std::string flate(std::string const& data, Pl_Flate::action_e action) {
    Pl_Buffer buffer("flate");
    Pl_Flate pipe("flate", &buffer, action);
    pipe.write(reinterpret_cast<unsigned char const*>(data.data()), data.size());
    pipe.finish();
    std::unique_ptr<Buffer> out(buffer.getBuffer());
    return bytesOf(*out);
}

/// The stream's bytes as cairo wrote them, with its filter: the key of the work done on it.
std::string rawKey(QPDFObjectHandle stream) {
    std::shared_ptr<Buffer> raw = stream.getRawStreamData();
    return bytesOf(*raw) + stream.getDict().getKey("/Filter").unparse();
}

/// A font program without its hinting, by the stream cairo wrote; empty when the program stays
/// as cairo wrote it. harfbuzz's pass is a third of a millisecond a font.
std::string finishedFont(QPDFObjectHandle file) {
    static SharedCache<std::string> cache;
    std::string key = rawKey(file);
    std::string unhinted;
    if (cache.find(key, unhinted)) return unhinted;
    std::shared_ptr<Buffer> decoded = file.getStreamData(qpdf_dl_generalized);
    std::string program = bytesOf(*decoded);
    unhinted = unhintedFontProgram(program);
    if (unhinted.size() >= program.size()) unhinted.clear();
    cache.keep(key, unhinted);
    return unhinted;
}

/// Takes the TrueType hinting out of every embedded font program (/FontFile2). cairo embeds its
/// subsets with their hinting, which only helps rasterizers at small pixel sizes and does nothing
/// for a page printed or viewed at screen zoom, yet it is most of each subset: two thirds of a
/// two-page handout's bytes were its three fonts. A program is replaced only by a smaller one;
/// the writer compresses it.
void unhintFonts(QPDF& pdf) {
    std::set<QPDFObjGen> done;
    for (auto& object : pdf.getAllObjects()) {
        if (!isType(object, "/FontDescriptor")) continue;
        QPDFObjectHandle file = object.getKey("/FontFile2");
        if (!file.isStream() || !done.insert(file.getObjGen()).second) continue;
        std::string unhinted = finishedFont(file);
        if (unhinted.empty()) continue;
        file.replaceStreamData(unhinted, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        file.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(static_cast<long long>(unhinted.size())));
    }
}

/// A page's content with its artifacts marked, and the MCIDs given to its pictures.
struct MarkedPage {
    std::string content;
    std::vector<int> pictureMCIDs;
};

/// Marks a page's artifacts (ArtifactMarker), once for each content stream cairo wrote: the pages
/// of a handout that hold no patient's details are the same in every copy of a batch.
MarkedPage markedPage(QPDFPageObjectHelper& page, std::set<std::string> const& images, int firstMCID) {
    static SharedCache<MarkedPage> cache;
    QPDFObjectHandle contents = page.getObjectHandle().getKey("/Contents");
    std::string key;
    if (contents.isStream()) {
        key = rawKey(contents) + " " + std::to_string(firstMCID);
        for (auto const& name : images) key += " " + name;
    }
    MarkedPage marked;
    if (!key.empty() && cache.find(key, marked)) return marked;
    ArtifactMarker marker(images, firstMCID);
    Pl_Buffer filtered("filtered page");
    page.filterContents(&marker, &filtered);
    std::unique_ptr<Buffer> data(filtered.getBuffer());
    marked.content = bytesOf(*data);
    marked.pictureMCIDs = marker.pictureMCIDs;
    if (!key.empty()) cache.keep(key, marked);
    return marked;
}

/// Compresses the streams cairo stored (StoredCairoStreams.cpp) that the steps above left as
/// they were, the text maps of the fonts mostly, the way cairo would have: the writer copies a
/// stream that is already compressed as it is. Each is done once a process, by its bytes.
void compressStoredStreams(QPDF& pdf) {
    static SharedCache<std::string> cache;
    for (auto& object : pdf.getAllObjects()) {
        // Object and cross-reference streams are the reader's own; the writer makes new ones.
        if (!object.isStream() || isType(object.getDict(), "/ObjStm") || isType(object.getDict(), "/XRef")) continue;
        QPDFObjectHandle filter = object.getDict().getKey("/Filter");
        if (!filter.isName() || filter.getName() != "/FlateDecode") continue;
        std::shared_ptr<Buffer> raw = object.getRawStreamData();
        std::string stored = bytesOf(*raw);
        std::string compressed;
        if (!cache.find(stored, compressed)) {
            compressed = flate(flate(stored, Pl_Flate::a_inflate), Pl_Flate::a_deflate);
            cache.keep(stored, compressed);
        }
        object.replaceStreamData(compressed, filter, object.getDict().getKey("/DecodeParms"));
    }
}

void finish(QPDF& pdf, handout_finish_request const* request) {
    QPDFObjectHandle root = pdf.getRoot();
    QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
    std::string language = request->language ? request->language : "en";
    QPDFPageDocumentHelper pages(pdf);

    size_t nextLink = 0;
    std::vector<std::pair<QPDFObjectHandle, int>> pictures;
    for (auto& page : pages.getAllPages()) {
        QPDFObjectHandle object = page.getObjectHandle();
        if (request->tagged) {
            std::set<std::string> images;
            for (auto const& [name, image] : page.getImages()) images.insert(name);
            QPDFObjectHandle parents = parentsOf(pdf, tree, object);
            MarkedPage marked = markedPage(page, images, parents.isArray() ? parents.getArrayNItems() : 0);
            // cairo writes one content stream a page, whose data is replaced where it is: a new
            // stream object costs qpdf a walk over the whole file to number it.
            QPDFObjectHandle content = object.getKey("/Contents");
            if (!content.isStream()) {
                content = pdf.newStream();
                object.replaceKey("/Contents", content);
            }
            content.replaceStreamData(marked.content, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
            for (int mcid : marked.pictureMCIDs) pictures.emplace_back(object, mcid);
        }
        QPDFObjectHandle annotations = object.getKey("/Annots");
        if (!annotations.isArray() || annotations.getArrayNItems() == 0) continue;
        // Tab through the annotations in structure order, as a screen reader reads.
        object.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
        for (int i = 0; i < annotations.getArrayNItems(); ++i) {
            QPDFObjectHandle annotation = annotations.getArrayItem(i);
            if (!annotation.isDictionary() || annotation.getKey("/Subtype").unparse() != "/Link") continue;
            if (nextLink >= request->link_text_count) throw std::runtime_error("the PDF has more links than link texts");
            annotation.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(request->link_texts[nextLink++]));
        }
    }
    if (nextLink != request->link_text_count) throw std::runtime_error("the PDF has fewer links than link texts");

    if (request->tagged) {
        FigureWalker figures{request, pictures, pdf, tree};
        if (tree.isDictionary() && tree.hasKey("/K")) figures.walk(tree.getKey("/K"));
        if (figures.next != request->figure_count) throw std::runtime_error("the PDF has fewer figures than descriptions");
        if (figures.nextPicture != pictures.size()) throw std::runtime_error("the PDF has pictures outside any figure");
        std::vector<QPDFObjectHandle> elements = openedElements(tree, request);
        setLanguages(elements, request);
        mergeContinuations(pdf, tree, elements, request);
        scopeRowHeaders(tree);
        root.replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
    }
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary()) {
        if (request->date) {
            QPDFObjectHandle date = QPDFObjectHandle::newString(pdfDate(request->date));
            info.replaceKey("/CreationDate", date);
            info.replaceKey("/ModDate", date);
        } else {
            info.removeKey("/CreationDate");
            info.removeKey("/ModDate");
        }
    }
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
    root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
    QPDFObjectHandle metadata = pdf.newStream(xmpPacket(pdf.getTrailer().getKey("/Info"), language));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);
    unhintFonts(pdf);
    compressStoredStreams(pdf);
}

void copyMessage(std::string const& message, char* error, size_t size) {
    if (!error || size == 0) return;
    std::string line = message;
    for (char& c : line) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    std::strncpy(error, line.c_str(), size - 1);
    error[size - 1] = '\0';
}

}  // namespace

extern "C" int handout_finish_pdf(const unsigned char* bytes, size_t length, const handout_finish_request* request,
                                  handout_finish_sink sink, void* closure, char* error, size_t error_size) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("handout.pdf", reinterpret_cast<char const*>(bytes), length);
        finish(pdf, request);
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        // Same input, same bytes: the /ID comes from the content, never from the clock.
        writer.setDeterministicID(true);
        writer.setObjectStreamMode(qpdf_o_generate);
        writer.setCompressStreams(true);
        writer.write();
        std::unique_ptr<Buffer> buffer(writer.getBuffer());
        sink(closure, buffer->getBuffer(), buffer->getSize());
        return 0;
    } catch (std::exception const& failure) {
        copyMessage(failure.what(), error, error_size);
        return -1;
    }
}
