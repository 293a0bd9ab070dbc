# Writes HTJ2K and H.264 test objects around a codestream made by OpenJPH (see README.md here).
import sys, pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import UID

def make(path, xfer, frames_bytes, rows=12, cols=16):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = '1.2.840.10008.5.1.4.1.1.2'
    meta.MediaStorageSOPInstanceUID = '1.2.826.0.1.3680043.9.7433.14.' + xfer.split('.')[-1]
    meta.TransferSyntaxUID = UID('1.2.840.10008.1.2.4.100' if xfer.endswith(('.201', '.202', '.203')) else xfer)
    meta.ImplementationClassUID = '1.2.826.0.1.3680043.9.7433.1'
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = '1.2.826.0.1.3680043.9.7433.14.1'
    ds.SeriesInstanceUID = '1.2.826.0.1.3680043.9.7433.14.2.' + xfer.split('.')[-1]
    ds.Modality = 'CT'
    ds.PatientName = 'HTJ2K^Test'
    ds.PatientID = 'HT-1'
    ds.Rows = rows
    ds.Columns = cols
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = 'MONOCHROME2'
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 1
    ds.RescaleIntercept = '0'
    ds.RescaleSlope = '1'
    ds.PixelData = encapsulate(frames_bytes)
    ds['PixelData'].is_undefined_length = True
    ds['PixelData'].VR = 'OB'
    ds.preamble = b'\0' * 128
    meta.FileMetaInformationVersion = b'\0\1'
    ds.save_as(path, write_like_original=True)
    if xfer.endswith(('.201', '.202', '.203')):
        b = open(path, 'rb').read()
        old = b'1.2.840.10008.1.2.4.100\0'
        assert b.count(old) == 1
        open(path, 'wb').write(b.replace(old, xfer.encode() + b'\0'))

cs = open('frame.j2c', 'rb').read()
for x in ('201', '202', '203'):
    make(f'htj2k-{x}.dcm', '1.2.840.10008.1.2.4.' + x, [cs])
make('h264-unsupported.dcm', '1.2.840.10008.1.2.4.102', [b'\x00\x00\x00\x01\x09\xf0' * 4])
