#pragma once

// Private to kakehashi_dicom (DCMTK types stay out of the public headers): small helpers over
// DCMTK data sets shared by the decoder and the presentation-state reader.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcitem.h>

namespace Kakehashi::Dicom::Detail {

// The first item of |sequence| in |parent|, or null (no parent, no such sequence, or it is empty).
inline DcmItem *firstSequenceItem(DcmItem *parent, const DcmTagKey &sequence)
{
    DcmItem *item = nullptr;
    if (!parent || parent->findAndGetSequenceItem(sequence, item, 0).bad())
        return nullptr;
    return item;
}

} // namespace Kakehashi::Dicom::Detail
