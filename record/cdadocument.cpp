#include "cdadocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <cmath>
#include <memory>

namespace Kakehashi {

namespace {

constexpr char kHl7Ns[] = "urn:hl7-org:v3";
constexpr int kMaxSectionDepth = 16;
constexpr int kMaxSections = 1000;
constexpr int kMaxNarrativeDepth = 64;
constexpr int kMaxNarrativeNodes = 50000;    // per document
constexpr qsizetype kMaxNarrativeChars = 512 * 1024; // per section, like the FHIR sanitizer
constexpr int kMaxObservations = 5000;
constexpr int kMaxEntryDepth = 8;

// What the locked-down SAX handlers saw while parsing.
struct ParseGuard
{
    bool declaredDtd = false;
};

ParseGuard *guardOf(void *ctx)
{
    auto *ctxt = static_cast<xmlParserCtxtPtr>(ctx);
    return static_cast<ParseGuard *>(ctxt->_private);
}

// A DOCTYPE, external subset or entity declaration stops the parser at once: CDA documents need
// none, and they are how external entities (XXE) and entity expansion bombs arrive.
void refuseInternalSubset(void *ctx, const xmlChar *, const xmlChar *, const xmlChar *)
{
    guardOf(ctx)->declaredDtd = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

void refuseEntityDecl(void *ctx, const xmlChar *, int, const xmlChar *, const xmlChar *, xmlChar *)
{
    guardOf(ctx)->declaredDtd = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

xmlParserInputPtr refuseResolveEntity(void *ctx, const xmlChar *, const xmlChar *)
{
    guardOf(ctx)->declaredDtd = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
    return nullptr;
}

void initLibxml()
{
    static const bool once = [] {
        xmlInitParser();
        return true;
    }();
    Q_UNUSED(once);
}

QString fromXml(const xmlChar *s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char *>(s)) : QString();
}

bool isHl7(const xmlNode *n)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return false;
    return !n->ns || qstrcmp(reinterpret_cast<const char *>(n->ns->href), kHl7Ns) == 0;
}

bool is(const xmlNode *n, const char *name)
{
    return isHl7(n) && qstrcmp(reinterpret_cast<const char *>(n->name), name) == 0;
}

const xmlNode *child(const xmlNode *n, const char *name)
{
    if (!n)
        return nullptr;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (is(c, name))
            return c;
    return nullptr;
}

QList<const xmlNode *> children(const xmlNode *n, const char *name)
{
    QList<const xmlNode *> out;
    if (!n)
        return out;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (is(c, name))
            out << c;
    return out;
}

const xmlNode *path(const xmlNode *n, std::initializer_list<const char *> names)
{
    for (const char *name : names)
        n = child(n, name);
    return n;
}

QString attr(const xmlNode *n, const char *name)
{
    if (!n)
        return {};
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (qstrcmp(reinterpret_cast<const char *>(a->name), name) == 0 && a->children)
            return fromXml(a->children->content);
    }
    return {};
}

// The text content of an element (its text nodes, not its entity declarations), bounded.
void collectText(const xmlNode *n, QString &out, int depth)
{
    if (!n || depth > kMaxNarrativeDepth || out.size() > 4096)
        return;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            out += fromXml(c->content);
        else if (c->type == XML_ELEMENT_NODE)
            collectText(c, out, depth + 1);
    }
}

QString text(const xmlNode *n)
{
    QString out;
    collectText(n, out, 0);
    return out.simplified();
}

// A value as a number, when it is one: finite only. QString::toDouble also reads "nan", "NaN" and
// "inf" (not CDA numbers); such a value stays text, as written, and never reaches a trend, a flag or
// a comparison.
std::optional<double> finiteNumber(const QString &s)
{
    bool ok = false;
    const double d = s.toDouble(&ok);
    return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

// HL7 v3 TS (YYYYMMDD[HHMM[SS[.S]]][+ZZZZ]) → the FHIR date/dateTime form DateTime::parse reads.
Fhir::DateTime parseTs(const QString &ts)
{
    static const QRegularExpression re(QStringLiteral(R"(^(\d{4})(\d{2})?(\d{2})?(?:(\d{2})(\d{2})(\d{2})?(?:\.\d+)?)?([+-]\d{4})?$)"));
    const QRegularExpressionMatch m = re.match(ts.trimmed());
    if (!m.hasMatch())
        return {};
    QString iso = m.captured(1);
    if (m.capturedLength(2))
        iso += u'-' + m.captured(2);
    if (m.capturedLength(3))
        iso += u'-' + m.captured(3);
    if (m.capturedLength(4) && m.capturedLength(3)) {
        // A time without a zone is not an instant; JP CDA documents state +0900. Without one,
        // keep the day only rather than guess the zone.
        if (!m.capturedLength(7))
            return Fhir::DateTime::parse(iso);
        iso += u'T' + m.captured(4) + u':' + m.captured(5) + u':' + (m.capturedLength(6) ? m.captured(6) : QStringLiteral("00"));
        const QString z = m.captured(7);
        iso += z.left(3) + u':' + z.mid(3);
    }
    return Fhir::DateTime::parse(iso);
}

QString personName(const xmlNode *person)
{
    // JP CDA: <name use="IDE"> kanji, <name use="SYL"> kana; prefer kanji, then unmarked, then any.
    QString unmarked;
    QString any;
    for (const xmlNode *name : children(person, "name")) {
        QStringList parts;
        for (const char *part : {"family", "given"}) {
            for (const xmlNode *p : children(name, part))
                parts << text(p);
        }
        parts.removeAll(QString());
        QString shown = parts.isEmpty() ? text(name) : parts.join(u' ');
        if (shown.isEmpty())
            continue;
        const QString use = attr(name, "use");
        if (use == u"IDE")
            return shown;
        if (use.isEmpty() && unmarked.isEmpty())
            unmarked = shown;
        if (any.isEmpty())
            any = shown;
    }
    return unmarked.isEmpty() ? any : unmarked;
}

QString codeText(const xmlNode *code)
{
    if (!code)
        return {};
    QString shown = attr(code, "displayName");
    if (shown.isEmpty())
        shown = text(child(code, "originalText"));
    if (shown.isEmpty())
        shown = attr(code, "code");
    return shown;
}

// The CDA narrative block → XHTML for NarrativeSanitizer (which still has the last word).
class NarrativeWriter
{
public:
    int nodes = 0;
    bool cut = false;

    QString write(const xmlNode *textElement)
    {
        QString out = QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        writeChildren(textElement, out, 0);
        out += QStringLiteral("</div>");
        return out;
    }

private:
    void writeChildren(const xmlNode *n, QString &out, int depth)
    {
        for (const xmlNode *c = n->children; c; c = c->next) {
            if (++nodes > kMaxNarrativeNodes || out.size() > kMaxNarrativeChars) {
                cut = true;
                return;
            }
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                out += fromXml(c->content).toHtmlEscaped();
            } else if (c->type == XML_ELEMENT_NODE) {
                if (depth >= kMaxNarrativeDepth) {
                    // Too deep: keep the words, drop the structure.
                    cut = true;
                    out += text(c).toHtmlEscaped();
                    continue;
                }
                writeElement(c, out, depth + 1);
            }
        }
    }

    void writeElement(const xmlNode *e, QString &out, int depth)
    {
        const QByteArray name(reinterpret_cast<const char *>(e->name));
        QString tag;
        QString attrs;
        if (!isHl7(e)) {
            return; // foreign namespaces are dropped with their content
        } else if (name == "paragraph") {
            tag = QStringLiteral("p");
        } else if (name == "content" || name == "footnote" || name == "footnoteRef" || name == "linkHtml") {
            // linkHtml: the text is kept, the link is not (nothing in a document is followed).
            tag = QStringLiteral("span");
        } else if (name == "br") {
            out += QStringLiteral("<br/>");
            return;
        } else if (name == "list") {
            tag = attr(e, "listType") == u"ordered" ? QStringLiteral("ol") : QStringLiteral("ul");
        } else if (name == "item") {
            tag = QStringLiteral("li");
        } else if (name == "table" || name == "thead" || name == "tbody" || name == "tfoot" || name == "tr" || name == "th" || name == "td"
                   || name == "caption" || name == "sub" || name == "sup") {
            tag = QString::fromLatin1(name);
            if (name == "td" || name == "th") {
                for (const char *a : {"colspan", "rowspan"}) {
                    const QString v = attr(e, a);
                    if (!v.isEmpty() && v.size() < 4 && v.toInt() > 0)
                        attrs += QStringLiteral(" %1=\"%2\"").arg(QLatin1String(a)).arg(v.toInt());
                }
            }
        } else if (name == "renderMultiMedia") {
            out += QStringLiteral("<span>") + CdaReader::tr("[multimedia not shown]").toHtmlEscaped() + QStringLiteral("</span>");
            return;
        } else if (name == "col" || name == "colgroup") {
            return;
        } else {
            tag = QStringLiteral("span");
        }
        // styleCode Bold / Italics / Underline.
        const QString style = attr(e, "styleCode");
        QStringList wraps;
        if (style.contains(u"Bold"))
            wraps << QStringLiteral("b");
        if (style.contains(u"Italics"))
            wraps << QStringLiteral("i");
        if (style.contains(u"Underline"))
            wraps << QStringLiteral("u");
        out += u'<' + tag + attrs + u'>';
        for (const QString &w : std::as_const(wraps))
            out += u'<' + w + u'>';
        writeChildren(e, out, depth);
        for (auto it = wraps.crbegin(); it != wraps.crend(); ++it)
            out += QStringLiteral("</") + *it + u'>';
        out += QStringLiteral("</") + tag + u'>';
    }
};

struct BodyReader
{
    NarrativeWriter narrative;
    QList<CdaObservation> observations;
    Fhir::DateTime documentTime;
    int sections = 0;

    QString valueText(const xmlNode *value, CdaObservation &obs)
    {
        if (!value)
            return {};
        const QString type = attr(value, "type"); // xsi:type, namespace prefix stripped by libxml2
        const QString v = attr(value, "value").trimmed();
        // <value nullFlavor="NI" unit="mg/dL"/>: no result. Never a unit alone, never a number.
        if (!attr(value, "nullFlavor").isEmpty() && v.isEmpty())
            return {};
        if (type.endsWith(u"PQ") || (!v.isEmpty() && !attr(value, "unit").isEmpty())) {
            obs.unit = attr(value, "unit");
            if (v.isEmpty())
                return {};
            obs.number = finiteNumber(v);
            return obs.unit.isEmpty() || obs.unit == u"1" ? v : v + u' ' + obs.unit;
        }
        if (type.endsWith(u"CD") || type.endsWith(u"CO") || type.endsWith(u"CE") || !attr(value, "code").isEmpty())
            return codeText(value);
        if (!v.isEmpty())
            return v;
        return text(value);
    }

    void readObservation(const xmlNode *o, const QString &sectionTitle, QStringList &lines)
    {
        if (observations.size() >= kMaxObservations)
            return;
        CdaObservation obs;
        const xmlNode *code = child(o, "code");
        obs.code = attr(code, "code");
        obs.codeSystem = attr(code, "codeSystem");
        obs.display = codeText(code);
        obs.valueText = valueText(child(o, "value"), obs);
        obs.interpretation = attr(child(o, "interpretationCode"), "code");
        const xmlNode *range = path(o, {"referenceRange", "observationRange"});
        if (range) {
            obs.referenceRange = text(child(range, "text"));
            if (obs.referenceRange.isEmpty()) {
                const xmlNode *ivl = child(range, "value");
                const QString low = attr(child(ivl, "low"), "value");
                const QString high = attr(child(ivl, "high"), "value");
                if (!low.isEmpty() || !high.isEmpty())
                    obs.referenceRange = low + QStringLiteral("–") + high;
                obs.low = finiteNumber(low);
                obs.high = finiteNumber(high);
            }
        }
        const xmlNode *time = child(o, "effectiveTime");
        obs.time = parseTs(attr(time, "value"));
        if (!obs.time.isValid())
            obs.time = parseTs(attr(child(time, "low"), "value"));
        if (!obs.time.isValid())
            obs.time = documentTime;
        obs.section = sectionTitle;
        if (obs.display.isEmpty() && obs.valueText.isEmpty())
            return;
        QString line = obs.display;
        if (!obs.valueText.isEmpty())
            line += QStringLiteral(": ") + obs.valueText;
        if (!obs.interpretation.isEmpty() && obs.interpretation != u"N")
            line += QStringLiteral(" (") + obs.interpretation + u')';
        if (!obs.referenceRange.isEmpty())
            line += QStringLiteral(" [") + obs.referenceRange + u']';
        lines << line;
        observations << obs;
    }

    // Observations directly in an entry, in organizers' components, and in entryRelationships.
    void readEntryContent(const xmlNode *n, const QString &sectionTitle, QStringList &lines, int depth)
    {
        if (!n || depth > kMaxEntryDepth)
            return;
        for (const xmlNode *c = n->children; c; c = c->next) {
            if (is(c, "observation")) {
                readObservation(c, sectionTitle, lines);
                for (const xmlNode *rel : children(c, "entryRelationship"))
                    readEntryContent(rel, sectionTitle, lines, depth + 1);
            } else if (is(c, "organizer") || is(c, "component") || is(c, "entryRelationship")) {
                readEntryContent(c, sectionTitle, lines, depth + 1);
            } else if (is(c, "act") || is(c, "substanceAdministration") || is(c, "procedure") || is(c, "encounter")) {
                const QString shown = codeText(child(c, "code"));
                const QString t = text(child(c, "text"));
                const QString line = QStringList{shown, t}.join(QStringLiteral(" / "));
                if (!shown.isEmpty() || !t.isEmpty())
                    lines << (shown.isEmpty() ? t : t.isEmpty() ? shown : line);
                for (const xmlNode *rel : children(c, "entryRelationship"))
                    readEntryContent(rel, sectionTitle, lines, depth + 1);
            }
        }
    }

    QList<DocumentSection> readSections(const xmlNode *parent, int depth)
    {
        QList<DocumentSection> out;
        if (depth >= kMaxSectionDepth)
            return out;
        for (const xmlNode *component : children(parent, "component")) {
            const xmlNode *section = child(component, "section");
            if (!section)
                continue;
            if (++sections > kMaxSections)
                break;
            DocumentSection ds;
            const xmlNode *code = child(section, "code");
            ds.code = attr(code, "code");
            ds.codeDisplay = attr(code, "displayName");
            ds.title = text(child(section, "title"));
            if (ds.title.isEmpty())
                ds.title = codeText(code);
            if (const xmlNode *t = child(section, "text"))
                ds.narrative = narrative.write(t);
            for (const xmlNode *entry : children(section, "entry"))
                readEntryContent(entry, ds.title, ds.entries, 0);
            ds.sections = readSections(section, depth + 1);
            out << ds;
        }
        return out;
    }
};

DocumentLoadResult failure(DocumentLoadResult::Status status, const QString &message)
{
    DocumentLoadResult r;
    r.status = status;
    r.format = DocumentFormat::Cda;
    r.message = message;
    return r;
}

struct DocFree
{
    void operator()(xmlDoc *d) const { xmlFreeDoc(d); }
};
struct CtxtFree
{
    void operator()(xmlParserCtxt *c) const { xmlFreeParserCtxt(c); }
};

} // namespace

CdaReader::Kind CdaReader::kindOf(const QString &code, const QString &codeSystem)
{
    // MHLW 特定健診情報ファイル (hc08): 報告区分 10 in 1.2.392.200119.6.1001.
    if (codeSystem == u"1.2.392.200119.6.1001" && (code == u"10" || code == u"11" || code == u"12"))
        return Kind::CheckUp;
    if (code == u"53576-5")
        return Kind::CheckUp;
    if (code == u"57133-1" || code == u"18761-7" || code == u"34140-4")
        return Kind::Referral;
    if (code == u"18842-5" || code == u"11490-0")
        return Kind::DischargeSummary;
    return Kind::Other;
}

DocumentLoadResult CdaReader::read(const QByteArray &bytes, QList<CdaObservation> *observations)
{
    if (bytes.size() > kMaxBytes)
        return failure(DocumentLoadResult::Status::Malformed,
                       tr("The CDA document is too large to read (%1 MB; at most %2 MB).").arg(bytes.size() / (1024 * 1024)).arg(kMaxBytes / (1024 * 1024)));
    // First line of defence, before any parser sees it: CDA needs no DTD.
    if (bytes.contains("<!DOCTYPE") || bytes.contains("<!ENTITY") || bytes.contains("<!doctype"))
        return failure(DocumentLoadResult::Status::Malformed,
                       tr("The CDA document declares a DTD or entities (<!DOCTYPE>/<!ENTITY>). CDA documents need none, and they can be used to read local files or exhaust memory, so it is not read."));

    initLibxml();
    std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
    if (!ctxt)
        return failure(DocumentLoadResult::Status::Malformed, tr("The XML parser could not be started."));
    ParseGuard guard;
    ctxt->_private = &guard;
    ctxt->sax->internalSubset = refuseInternalSubset;
    ctxt->sax->externalSubset = refuseInternalSubset;
    ctxt->sax->entityDecl = refuseEntityDecl;
    ctxt->sax->resolveEntity = refuseResolveEntity;
    // No XML_PARSE_NOENT (no substitution), DTDLOAD, DTDATTR, XINCLUDE or HUGE.
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_NOXINCNODE;
    std::unique_ptr<xmlDoc, DocFree> doc;
    // NOERROR/NOWARNING: libxml2 prints nothing (its messages may quote the document).
    doc.reset(xmlCtxtReadMemory(ctxt.get(), bytes.constData(), int(bytes.size()), nullptr, nullptr, options));
    if (guard.declaredDtd)
        return failure(DocumentLoadResult::Status::Malformed,
                       tr("The CDA document declares a DTD or entities (<!DOCTYPE>/<!ENTITY>). CDA documents need none, and they can be used to read local files or exhaust memory, so it is not read."));
    if (!doc || !ctxt->wellFormed) {
        const xmlError *err = xmlCtxtGetLastError(ctxt.get());
        // The parser's message names the problem, not the content; the line number helps the sender.
        const QString why = err && err->message ? QString::fromUtf8(err->message).trimmed() : tr("not well-formed");
        return failure(DocumentLoadResult::Status::Malformed,
                       tr("The CDA document is not well-formed XML (%1, line %2).").arg(why.left(200)).arg(err ? err->line : 0));
    }
    if (doc->intSubset || doc->extSubset)
        return failure(DocumentLoadResult::Status::Malformed,
                       tr("The CDA document declares a DTD or entities (<!DOCTYPE>/<!ENTITY>). CDA documents need none, and they can be used to read local files or exhaust memory, so it is not read."));

    const xmlNode *root = xmlDocGetRootElement(doc.get());
    if (!is(root, "ClinicalDocument"))
        return failure(DocumentLoadResult::Status::Unsupported, tr("The XML document is not an HL7 CDA R2 ClinicalDocument."));

    DocumentLoadResult result;
    result.status = DocumentLoadResult::Status::Ok;
    result.format = DocumentFormat::Cda;
    ClinicalDocument &cd = result.document;
    const xmlNode *code = child(root, "code");
    cd.typeCode = attr(code, "code");
    const QString codeSystem = attr(code, "codeSystem");
    switch (kindOf(cd.typeCode, codeSystem)) {
    case Kind::CheckUp:
        cd.typeDisplay = tr("Specific health check-up (特定健診, CDA)");
        break;
    case Kind::Referral:
        cd.typeDisplay = tr("Referral letter (CDA)");
        break;
    case Kind::DischargeSummary:
        cd.typeDisplay = tr("Discharge summary (CDA)");
        break;
    case Kind::Other:
        cd.typeDisplay = codeText(code);
        if (cd.typeDisplay.isEmpty())
            cd.typeDisplay = tr("CDA document");
        break;
    }
    cd.title = text(child(root, "title"));
    cd.date = parseTs(attr(child(root, "effectiveTime"), "value"));
    for (const xmlNode *author : children(root, "author")) {
        const xmlNode *assigned = child(author, "assignedAuthor");
        for (const QString &name : {personName(child(assigned, "assignedPerson")), text(path(assigned, {"representedOrganization", "name"}))}) {
            if (!name.isEmpty() && !cd.authors.contains(name))
                cd.authors << name;
        }
    }
    cd.custodian = text(path(root, {"custodian", "assignedCustodian", "representedCustodianOrganization", "name"}));
    const xmlNode *patientRole = path(root, {"recordTarget", "patientRole"});
    const xmlNode *patient = child(patientRole, "patient");
    cd.patientName = personName(patient);
    QStringList detail;
    const Fhir::DateTime birth = parseTs(attr(child(patient, "birthTime"), "value"));
    if (birth.isValid())
        detail << tr("born %1").arg(birth.displayText());
    // HL7 AdministrativeGender M/F; the MHLW check-up files use 1 (male) / 2 (female) in 1.2.392.200119.6.1104.
    const xmlNode *genderCode = child(patient, "administrativeGenderCode");
    const QString gender = attr(genderCode, "code");
    const bool mhlwGender = attr(genderCode, "codeSystem") == u"1.2.392.200119.6.1104";
    if (gender == u"M" || (mhlwGender && gender == u"1"))
        detail << tr("male");
    else if (gender == u"F" || (mhlwGender && gender == u"2"))
        detail << tr("female");
    cd.patientDetail = detail.join(QStringLiteral(", "));

    BodyReader body;
    body.documentTime = cd.date;
    const xmlNode *bodyNode = child(root, "component");
    if (const xmlNode *structured = child(bodyNode, "structuredBody")) {
        cd.sections = body.readSections(structured, 0);
    } else if (const xmlNode *nonXml = child(bodyNode, "nonXMLBody")) {
        DocumentSection s;
        s.title = tr("Body");
        const QString media = attr(child(nonXml, "text"), "mediaType");
        s.emptyReason = tr("The body of this CDA document is not XML (%1) and is not shown here.").arg(media.isEmpty() ? QStringLiteral("?") : media);
        cd.sections << s;
    }
    if (body.narrative.cut) {
        result.message = tr("Parts of this CDA document's narrative were too large or too deeply nested and were shortened.");
    }
    if (observations)
        *observations = body.observations;
    return result;
}

} // namespace Kakehashi
