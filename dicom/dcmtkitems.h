#pragma once

// Private to kakehashi_dicom (DCMTK types stay out of the public headers): small helpers over
// DCMTK data sets shared by the decoder and the presentation-state reader.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <cmath>

namespace Kakehashi::Dicom::Detail {

// The first item of |sequence| in |parent|, or null (no parent, no such sequence, or it is empty).
inline DcmItem *firstSequenceItem(DcmItem *parent, const DcmTagKey &sequence)
{
    DcmItem *item = nullptr;
    if (!parent || parent->findAndGetSequenceItem(sequence, item, 0).bad())
        return nullptr;
    return item;
}

// The value at |index| of a decimal attribute (DS, FD, FL) as a number, when it is one. DCMTK reads
// "inf", "nan" and "1e400" in a DS as numbers, and FD/FL carry IEEE infinities and NaNs; such a value
// is not a number here — never a window, a pixel spacing, a position, a frame time or a graphic's
// coordinate. Absent: no value at |index| (the end of a multi-valued attribute).
enum class Decimal { Number, NotANumber, Absent };
inline Decimal findDecimal(DcmItem *item, const DcmTagKey &tag, double &value, unsigned long index = 0)
{
    if (!item)
        return Decimal::Absent;
    Float64 d = 0;
    if (item->findAndGetFloat64(tag, d, index).bad()) {
        Float32 f = 0; // FL: DCMTK reads it only as Float32
        if (item->findAndGetFloat32(tag, f, index).bad())
            return Decimal::Absent;
        d = f;
    }
    if (!std::isfinite(d))
        return Decimal::NotANumber;
    value = d;
    return Decimal::Number;
}

} // namespace Kakehashi::Dicom::Detail
