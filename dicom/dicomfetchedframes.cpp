#include "dicomfetchedframes.h"

#include "dcmtkmemorystream.h"

#include <QJsonArray>
#include <QList>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcostrmb.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcxfer.h>

#include <cmath>
#include <memory>
#include <vector>

namespace Kakehashi::Dicom {

namespace {

// The mark on a header made here: a private block (0009,00xx) the decoder reads back.
constexpr Uint16 kMarkGroup = 0x0009;
const char *const kMarkCreator = "KAKEHASHI WADO-RS FRAMES";
const DcmTagKey kCreatorTag(kMarkGroup, 0x0010);
const DcmTagKey kMarkTag(kMarkGroup, 0x1001);

// A DICOM JSON number as the text DCMTK parses for the VR (DS at most 16 characters).
QString numberText(const QJsonValue &v, const QString &vr)
{
    if (v.isString())
        return v.toString();
    const double d = v.toDouble();
    // Integers as integers while they fit (beyond, the text is refused by DCMTK for the VR).
    const bool integral = vr == u"IS" || vr == u"US" || vr == u"SS" || vr == u"UL" || vr == u"SL" || vr == u"UV" || vr == u"SV";
    if (integral && std::isfinite(d) && std::abs(d) < 9.0e18)
        return QString::number(qint64(d));
    if (vr == u"DS")
        return QString::number(d, 'g', 10);
    return QString::number(d, 'g', 17);
}

bool addItemAttributes(DcmItem *item, const QJsonObject &dataset, int depth);

// One attribute of the DICOM JSON model (PS3.18 F.2) into |item|; false only for a malformed
// sequence. Bulk data (BulkDataURI) and values DCMTK refuses are left out.
bool addAttribute(DcmItem *item, const QString &key, const QJsonObject &attribute, int depth)
{
    bool ok = false;
    const uint tagValue = key.toUInt(&ok, 16);
    if (!ok || key.size() != 8)
        return true;
    const Uint16 group = Uint16(tagValue >> 16);
    const Uint16 element = Uint16(tagValue & 0xffff);
    if (group == 0x0002 || group == 0xfffe || (group == 0x7fe0 && element == 0x0010) || group == kMarkGroup)
        return true; // meta header, delimiters, pixels, our own mark
    const QString vr = attribute.value(QLatin1String("vr")).toString();
    if (vr.size() != 2)
        return true;
    const DcmTag tag(group, element, DcmVR(vr.toLatin1().constData()));
    const QJsonArray values = attribute.value(QLatin1String("Value")).toArray();
    if (vr == u"SQ") {
        auto sequence = std::make_unique<DcmSequenceOfItems>(tag);
        for (const QJsonValue &v : values) {
            if (!v.isObject())
                return false;
            auto *child = new DcmItem();
            sequence->append(child);
            if (!addItemAttributes(child, v.toObject(), depth + 1))
                return false;
        }
        if (item->insert(sequence.get(), true).good())
            (void)sequence.release();
        return true;
    }
    DcmElement *created = nullptr;
    if (DcmItem::newDicomElementWithVR(created, tag).bad() || !created)
        return true;
    std::unique_ptr<DcmElement> value(created);
    OFCondition status = EC_Normal;
    if (attribute.contains(QLatin1String("InlineBinary"))) {
        const QByteArray bytes = QByteArray::fromBase64(attribute.value(QLatin1String("InlineBinary")).toString().toLatin1());
        status = value->putUint8Array(reinterpret_cast<const Uint8 *>(bytes.constData()), unsigned(bytes.size()));
    } else if (attribute.contains(QLatin1String("BulkDataURI"))) {
        return true; // fetched separately if ever needed; never the header's business
    } else {
        QStringList parts;
        for (const QJsonValue &v : values) {
            if (vr == u"PN") {
                const QJsonObject pn = v.toObject();
                QString joined = pn.value(QLatin1String("Alphabetic")).toString();
                const QString ideographic = pn.value(QLatin1String("Ideographic")).toString();
                const QString phonetic = pn.value(QLatin1String("Phonetic")).toString();
                if (!ideographic.isEmpty() || !phonetic.isEmpty())
                    joined += u'=' + ideographic;
                if (!phonetic.isEmpty())
                    joined += u'=' + phonetic;
                parts << joined;
            } else if (vr == u"AT") {
                const QString at = v.toString();
                if (at.size() == 8)
                    parts << QStringLiteral("(%1,%2)").arg(at.left(4), at.mid(4));
            } else if (v.isDouble()) {
                parts << numberText(v, vr);
            } else {
                parts << v.toString();
            }
        }
        const QByteArray text = parts.join(u'\\').toUtf8();
        if (!text.isEmpty())
            status = value->putString(text.constData());
    }
    if (status.good() && item->insert(value.get(), true).good())
        (void)value.release();
    return true;
}

bool addItemAttributes(DcmItem *item, const QJsonObject &dataset, int depth)
{
    if (depth > 16) // nesting deeper than any real object: a hostile answer
        return false;
    for (auto it = dataset.begin(); it != dataset.end(); ++it) {
        if (!addAttribute(item, it.key(), it.value().toObject(), depth))
            return false;
    }
    return true;
}

QByteArray writePart10(DcmFileFormat &file, E_TransferSyntax xfer, QString *error)
{
    QByteArray out;
    std::vector<char> chunk(256 * 1024);
    DcmOutputBufferStream stream(chunk.data(), offile_off_t(chunk.size()));
    file.transferInit();
    OFCondition status = EC_StreamNotifyClient;
    while (status == EC_StreamNotifyClient) {
        status = file.write(stream, xfer, EET_ExplicitLength, nullptr);
        void *buffer = nullptr;
        offile_off_t length = 0;
        stream.flushBuffer(buffer, length);
        if (length > 0)
            out.append(static_cast<const char *>(buffer), qsizetype(length));
    }
    file.transferEnd();
    if (status.bad()) {
        *error = DicomFetchedFrames::tr("the image could not be assembled (%1)").arg(QString::fromLatin1(status.text()));
        return {};
    }
    return out;
}


} // namespace

QByteArray DicomFetchedFrames::headerFromMetadata(const QJsonObject &dataset, QString *error)
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    if (!addItemAttributes(ds, dataset, 0)) {
        *error = tr("the image's metadata is malformed");
        return {};
    }
    Uint16 rows = 0;
    Uint16 columns = 0;
    OFString sop;
    if (ds->findAndGetUint16(DCM_Rows, rows).bad() || ds->findAndGetUint16(DCM_Columns, columns).bad() || rows == 0
        || columns == 0 || ds->findAndGetOFString(DCM_SOPInstanceUID, sop).bad() || sop.empty()) {
        *error = tr("the image's metadata has no rows, columns or SOP Instance UID");
        return {};
    }
    // Nothing bounds the count by pixel bytes here (there are none): one slice per frame is made
    // from it, so an absurd count is refused rather than allocated.
    Sint32 frames = 1;
    if (ds->findAndGetSint32(DCM_NumberOfFrames, frames).good() && (frames < 1 || frames > MaxFrames)) {
        *error = tr("the image's metadata gives %1 frames (at most %2 are accepted)").arg(frames).arg(MaxFrames);
        return {};
    }
    // DICOM JSON is Unicode: every text value was written as UTF-8.
    ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds->putAndInsertString(DcmTag(kCreatorTag, DcmVR(EVR_LO)), kMarkCreator);
    ds->putAndInsertString(DcmTag(kMarkTag, DcmVR(EVR_CS)), "FRAMES");
    // The meta header (SOP class and instance, transfer syntax) is made from the data set on writing.
    return writePart10(file, EXS_LittleEndianExplicit, error);
}

namespace Detail {
bool isFetchedByFrameHeader(DcmItem *ds)
{
    OFString creator;
    OFString mark;
    return ds && ds->findAndGetOFString(kCreatorTag, creator).good() && creator == kMarkCreator
        && ds->findAndGetOFString(kMarkTag, mark).good() && mark == "FRAMES";
}
} // namespace Detail

QByteArray DicomFetchedFrames::frameObject(const QByteArray &header, int frame, const QByteArray &pixels,
                                           const QString &transferSyntaxUid, QString *error)
{
    DcmFileFormat file;
    if (Detail::readPart10(file, header).bad()) {
        *error = tr("the image's header cannot be read");
        return {};
    }
    DcmDataset *ds = file.getDataset();
    const DcmXfer xfer(transferSyntaxUid.toLatin1().constData());
    if (xfer.getXfer() == EXS_Unknown) {
        *error = tr("the frame came in an unknown transfer syntax (%1)").arg(transferSyntaxUid);
        return {};
    }
    Sint32 frames = 1;
    if (ds->findAndGetSint32(DCM_NumberOfFrames, frames).bad())
        frames = 1;
    if (frame < 0 || frame >= frames) {
        *error = tr("frame %1 does not exist (the image has %2)").arg(frame + 1).arg(frames);
        return {};
    }
    if (pixels.isEmpty()) {
        *error = tr("frame %1 arrived empty").arg(frame + 1);
        return {};
    }
    // Only this frame's per-frame item stays, so its rescale, window and position are frame 1's.
    DcmSequenceOfItems *perFrame = nullptr;
    if (ds->findAndGetSequence(DCM_PerFrameFunctionalGroupsSequence, perFrame).good() && perFrame
        && perFrame->card() == unsigned(frames)) {
        std::unique_ptr<DcmItem> keep(perFrame->remove(unsigned(frame)));
        while (perFrame->card() > 0)
            delete perFrame->remove(0UL);
        if (keep)
            perFrame->append(keep.release());
    }
    ds->putAndInsertString(DCM_NumberOfFrames, "1");
    ds->findAndDeleteElement(kCreatorTag);
    ds->findAndDeleteElement(kMarkTag);

    auto *pixelData = new DcmPixelData(DCM_PixelData);
    if (xfer.isEncapsulated()) {
        // One frame, one fragment, after an empty Basic Offset Table.
        auto *sequence = new DcmPixelSequence(DcmTag(DCM_PixelData, EVR_OB));
        sequence->insert(new DcmPixelItem(DcmTag(DCM_Item, EVR_OB)));
        auto *fragment = new DcmPixelItem(DcmTag(DCM_Item, EVR_OB));
        fragment->putUint8Array(reinterpret_cast<const Uint8 *>(pixels.constData()), unsigned(pixels.size()));
        sequence->insert(fragment);
        pixelData->putOriginalRepresentation(xfer.getXfer(), nullptr, sequence);
    } else {
        Uint16 rows = 0, columns = 0, samples = 1, bitsAllocated = 0;
        ds->findAndGetUint16(DCM_Rows, rows);
        ds->findAndGetUint16(DCM_Columns, columns);
        ds->findAndGetUint16(DCM_SamplesPerPixel, samples);
        ds->findAndGetUint16(DCM_BitsAllocated, bitsAllocated);
        const qint64 expected = (qint64(rows) * columns * std::max<Uint16>(samples, 1) * bitsAllocated + 7) / 8;
        if (bitsAllocated == 0 || pixels.size() < expected) {
            delete pixelData;
            *error = tr("frame %1 holds %2 bytes; the image needs %3").arg(frame + 1).arg(pixels.size()).arg(expected);
            return {};
        }
        const QByteArray exact = pixels.left(expected + (expected & 1));
        // WADO-RS native frames are little endian, as is every host this runs on.
        if (bitsAllocated > 8) {
            pixelData->setVR(EVR_OW);
            pixelData->putUint16Array(reinterpret_cast<const Uint16 *>(exact.constData()), unsigned(exact.size() / 2));
        } else {
            pixelData->putUint8Array(reinterpret_cast<const Uint8 *>(exact.constData()), unsigned(exact.size()));
        }
    }
    ds->insert(pixelData, true);
    return writePart10(file, xfer.isEncapsulated() ? xfer.getXfer() : EXS_LittleEndianExplicit, error);
}

QString DicomFetchedFrames::transferSyntaxOfPart(const QByteArray &contentType)
{
    const QList<QByteArray> fields = contentType.split(';');
    const QByteArray media = fields.value(0).trimmed().toLower();
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const QByteArray field = fields.at(i).trimmed();
        if (field.toLower().startsWith("transfer-syntax=")) {
            QByteArray uid = field.mid(16).trimmed();
            if (uid.startsWith('"') && uid.endsWith('"') && uid.size() >= 2)
                uid = uid.mid(1, uid.size() - 2);
            if (uid != "*")
                return QString::fromLatin1(uid);
        }
    }
    // The defaults of PS3.18 table 8.7.3-5 for each media type.
    if (media.isEmpty() || media == "application/octet-stream")
        return QLatin1String(UID_LittleEndianExplicitTransferSyntax);
    if (media == "image/jpeg")
        return QLatin1String(UID_JPEGProcess1TransferSyntax);
    if (media == "image/jls")
        return QLatin1String(UID_JPEGLSLosslessTransferSyntax);
    if (media == "image/jp2")
        return QLatin1String(UID_JPEG2000LosslessOnlyTransferSyntax);
    if (media == "image/dicom-rle")
        return QLatin1String(UID_RLELosslessTransferSyntax);
    return {};
}

} // namespace Kakehashi::Dicom
