#include "dicomcomparison.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Kakehashi::Dicom {

namespace {

int sideIndex(SliceSync::Side side)
{
    return side == SliceSync::Side::First ? 0 : 1;
}

// The stack's direction: from the first slice to the last (display order), else along z.
QVector3D stackAxis(const QList<QVector3D> &positions)
{
    if (positions.size() >= 2) {
        const QVector3D d = positions.last() - positions.first();
        if (d.lengthSquared() > 1e-6f)
            return d.normalized();
    }
    return QVector3D(0, 0, 1);
}

double meanSpacing(const QList<QVector3D> &positions, const QVector3D &axis)
{
    if (positions.size() < 2)
        return 0;
    return std::abs(double(QVector3D::dotProduct(positions.last() - positions.first(), axis))) / double(positions.size() - 1);
}

// A person name's component groups (alphabetic, ideographic, phonetic), each without separators,
// width-folded and case-folded, so "YAMADA^TAROU" and "Yamada^Tarou" compare equal.
QStringList nameGroups(const QString &dicomName)
{
    QStringList out;
    for (const QString &group : dicomName.split(u'=')) {
        QString g = group.normalized(QString::NormalizationForm_KC).toCaseFolded();
        g.remove(u'^');
        g.remove(u' ');
        g.remove(QChar(0x3000));
        out.append(g);
    }
    return out;
}

} // namespace

QList<double> SliceSync::stackPositions(const DicomSeries &series, QVector3D *axis)
{
    QList<QVector3D> positions;
    for (const DicomSliceRef &s : series.slices) {
        if (!s.hasPosition)
            return {};
        positions.append(s.position);
    }
    const QVector3D a = stackAxis(positions);
    if (axis)
        *axis = a;
    QList<double> out;
    for (const QVector3D &p : positions)
        out.append(double(QVector3D::dotProduct(p, a)));
    return out;
}

bool SliceSync::sharePositions(const DicomSeries &first, const DicomSeries &second)
{
    if (first.frameOfReferenceUid.isEmpty() || first.frameOfReferenceUid != second.frameOfReferenceUid)
        return false;
    for (const DicomSeries *s : {&first, &second}) {
        if (s->slices.isEmpty())
            return false;
        for (const DicomSliceRef &slice : s->slices)
            if (!slice.hasPosition)
                return false;
    }
    return true;
}

SliceSync::SliceSync(const DicomSeries &first, const DicomSeries &second)
{
    m_count[0] = int(first.slices.size());
    m_count[1] = int(second.slices.size());
    if (m_count[0] == 0 || m_count[1] == 0)
        return;
    if (!sharePositions(first, second)) {
        m_mode = Mode::RelativeIndex;
        return;
    }
    m_mode = Mode::Position;
    const DicomSeries *series[2] = {&first, &second};
    for (int side = 0; side < 2; ++side) {
        for (const DicomSliceRef &s : series[side]->slices)
            m_positions[side].append(s.position);
        m_axis[side] = stackAxis(m_positions[side]);
        m_spacing[side] = meanSpacing(m_positions[side], m_axis[side]);
    }
}

SliceSync::Match SliceSync::match(Side from, int index) const
{
    Match m;
    const int a = sideIndex(from);
    const int b = 1 - a;
    if (m_mode == Mode::None || index < 0 || index >= m_count[a])
        return m;
    if (m_mode == Mode::RelativeIndex) {
        if (m_count[a] == 1)
            m.index = (m_count[b] - 1) / 2;
        else
            m.index = int(std::lround(double(index) * double(m_count[b] - 1) / double(m_count[a] - 1)));
        m.index = std::clamp(m.index, 0, m_count[b] - 1);
        return m;
    }
    // The other side's slice nearest along this side's stack axis (the slices may run the other
    // way, or be spaced differently).
    const QVector3D &here = m_positions[a].at(index);
    const QVector3D &axis = m_axis[a];
    double best = std::numeric_limits<double>::max();
    for (int j = 0; j < m_count[b]; ++j) {
        const double d = std::abs(double(QVector3D::dotProduct(m_positions[b].at(j) - here, axis)));
        if (d < best) {
            best = d;
            m.index = j;
        }
    }
    m.offsetMm = best;
    // Farther than half the other stack's spacing (and a millimetre of rounding): this position is
    // not covered by the other series, the slice shown there is only its nearest end.
    m.beyondRange = best > std::max(m_spacing[b] / 2.0, 0.0) + 1.0;
    return m;
}

PatientComparison comparePatients(const DicomSeries &first, const DicomSeries &second)
{
    PatientComparison c;
    const QStringList a = nameGroups(first.patientName);
    const QStringList b = nameGroups(second.patientName);
    bool nameCompared = false;
    bool nameDiffers = false;
    for (int i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a.at(i).isEmpty() || b.at(i).isEmpty())
            continue;
        nameCompared = true;
        if (a.at(i) != b.at(i))
            nameDiffers = true;
    }
    if (nameDiffers)
        c.differences << QStringLiteral("name");
    const bool birthCompared = !first.patientBirthDate.isEmpty() && !second.patientBirthDate.isEmpty();
    if (birthCompared && first.patientBirthDate.trimmed() != second.patientBirthDate.trimmed())
        c.differences << QStringLiteral("birth date");
    const QString sexA = first.patientSex.trimmed().toUpper();
    const QString sexB = second.patientSex.trimmed().toUpper();
    if (!sexA.isEmpty() && !sexB.isEmpty() && sexA != sexB)
        c.differences << QStringLiteral("sex");
    const bool idCompared = !first.patientId.isEmpty() && !second.patientId.isEmpty();
    const bool idDiffers = idCompared && first.patientId.trimmed() != second.patientId.trimmed();
    if (!c.differences.isEmpty()) {
        if (idDiffers)
            c.differences << QStringLiteral("patient ID");
        c.match = PatientMatch::Different;
        return c;
    }
    if (idDiffers)
        c.differences << QStringLiteral("patient ID");
    c.match = idCompared && !idDiffers && nameCompared ? PatientMatch::Same : PatientMatch::Unconfirmed;
    return c;
}

} // namespace Kakehashi::Dicom
