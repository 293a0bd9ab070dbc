#pragma once

#include "dicomseries.h"

namespace Kakehashi::Dicom {

// Which slice of one series goes with a slice of another when the two are scrolled together
// (comparison with a prior). Series that share a Frame of Reference UID (and give every slice a
// position) are matched by position along the stack; otherwise their positions mean nothing to
// each other and the slices are matched by relative index (first with first, middle with middle).
class SliceSync
{
public:
    enum class Mode {
        None,          // a side has no slices
        Position,      // same frame of reference: nearest slice along the stack
        RelativeIndex, // different or unknown frames of reference
    };
    enum class Side { First, Second };
    struct Match
    {
        int index = -1;       // the matched slice on the other side; -1 when it has none
        double offsetMm = 0;  // Position: distance along the stack to the matched slice
        bool beyondRange = false; // Position: the slice lies outside the other series' stack
    };

    SliceSync() = default;
    SliceSync(const DicomSeries &first, const DicomSeries &second);

    Mode mode() const { return m_mode; }
    // The slice of the other series shown with slice |index| of |from|.
    Match match(Side from, int index) const;

    // Position along the stack (mm) of each slice, on the axis from the first slice to the last;
    // empty when a slice has no position.
    static QList<double> stackPositions(const DicomSeries &series, QVector3D *axis = nullptr);
    // True when every slice has a position and both name the same Frame of Reference UID.
    static bool sharePositions(const DicomSeries &first, const DicomSeries &second);

private:
    Mode m_mode = Mode::None;
    QList<QVector3D> m_positions[2];
    QVector3D m_axis[2];
    double m_spacing[2] = {0, 0};
    int m_count[2] = {0, 0};
};

// Whether two series show the same person, from what their files say. A Patient ID from another
// hospital's numbering proves nothing either way, so IDs that differ only make it unconfirmed;
// a differing birth date, sex or name makes it a different person.
enum class PatientMatch {
    Same,        // same Patient ID, and name, birth date and sex agree where both give them
    Unconfirmed, // nothing disagrees, but the IDs differ or too little is recorded to tell
    Different,   // name, birth date or sex disagree
};
struct PatientComparison
{
    PatientMatch match = PatientMatch::Unconfirmed;
    QStringList differences; // attribute names that disagree: "name", "birth date", "sex", "patient ID"
};
PatientComparison comparePatients(const DicomSeries &first, const DicomSeries &second);

} // namespace Kakehashi::Dicom
