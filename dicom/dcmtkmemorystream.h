#pragma once

// Private to kakehashi_dicom: a DCMTK input stream over a QByteArray that, like a file stream, can
// defer long values. DCMTK's own DcmInputBufferStream cannot (it has no stream factory), so dcmdata
// allocates every element's declared length (up to 4 GB) with new(nothrow) before it finds that the
// buffer holds a few bytes: under ASan each such allocation poisons shadow memory for it, a second
// or two per input, and that was most of fuzz_dicom_frame's time (issue 10). With a factory a value
// longer than the read limit is skipped instead, the skip comes up short, and reading fails with
// nothing allocated; values that are there are read on demand from the same bytes.
#include <QByteArray>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcistrma.h>
#include <dcmtk/dcmdata/dcfilefo.h>

#include <algorithm>
#include <cstring>

namespace Kakehashi::Dicom::Detail {

class MemoryProducer : public DcmProducer
{
public:
    MemoryProducer(const QByteArray &bytes, offile_off_t start) : m_bytes(bytes), m_pos(std::min<offile_off_t>(start, bytes.size())) {}
    OFBool good() const override { return OFTrue; }
    OFCondition status() const override { return EC_Normal; }
    OFBool eos() override { return m_pos >= m_bytes.size(); }
    offile_off_t avail() override { return m_bytes.size() - m_pos; }
    offile_off_t read(void *buf, offile_off_t buflen) override
    {
        const offile_off_t n = std::min(buflen, avail());
        if (n > 0)
            std::memcpy(buf, m_bytes.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    offile_off_t skip(offile_off_t skiplen) override
    {
        const offile_off_t n = std::min(skiplen, avail());
        m_pos += n;
        return n;
    }
    void putback(offile_off_t num) override { m_pos -= std::min(num, m_pos); }

private:
    const QByteArray m_bytes; // shared, not copied: deferred values keep the bytes alive
    offile_off_t m_pos;
};

class MemoryInputStream : public DcmInputStream
{
public:
    // Reads |bytes| from |start| on.
    MemoryInputStream(const QByteArray &bytes, offile_off_t start = 0)
        : DcmInputStream(&m_producer), m_producer(bytes, start), m_bytes(bytes), m_start(start)
    {
    }
    DcmInputStreamFactory *newFactory() const override;

private:
    MemoryProducer m_producer;
    const QByteArray m_bytes;
    const offile_off_t m_start;
};

class MemoryInputStreamFactory : public DcmInputStreamFactory
{
public:
    MemoryInputStreamFactory(const QByteArray &bytes, offile_off_t offset) : m_bytes(bytes), m_offset(offset) {}
    DcmInputStream *create() const override { return new MemoryInputStream(m_bytes, m_offset); }
    DcmInputStreamFactory *clone() const override { return new MemoryInputStreamFactory(m_bytes, m_offset); }
    // Not a file anyone could save over (DcmFileFormat::saveFile compares file factories' names).
    DcmInputStreamFactoryType ident() const override { return DFT_DcmInputTempFileStreamFactory; }

private:
    const QByteArray m_bytes;
    const offile_off_t m_offset;
};

inline DcmInputStreamFactory *MemoryInputStream::newFactory() const
{
    // A compression filter (deflated transfer syntax) reads ahead: positions are no longer offsets
    // into the bytes, so values are read at once as DcmInputBufferStream does.
    if (currentProducer() != &m_producer)
        return nullptr;
    return new MemoryInputStreamFactory(m_bytes, m_start + tell());
}

// Parses a Part 10 object from memory. Values longer than DCM_MaxReadLength are read on demand
// from |part10| (shared, so it need not outlive the call), and one declaring more bytes than there
// are fails without DCMTK allocating its length first.
inline OFCondition readPart10(DcmFileFormat &file, const QByteArray &part10)
{
    MemoryInputStream stream(part10);
    file.transferInit();
    const OFCondition status = file.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
    file.transferEnd();
    return status;
}

} // namespace Kakehashi::Dicom::Detail
