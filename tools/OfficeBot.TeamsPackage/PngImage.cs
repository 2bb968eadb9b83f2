using System.Buffers.Binary;
using System.IO.Compression;

namespace OfficeBot.TeamsPackage;

/// <summary>
/// Just enough of PNG to check Teams' icon rules: 8-bit truecolour with or without alpha, not interlaced
/// (what infra/teams/make-icons.py writes and what image editors export by default).
/// </summary>
public sealed class PngImage
{
    public const byte Truecolour = 2;
    public const byte TruecolourWithAlpha = 6;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte colourType, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColourType = colourType;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte ColourType { get; }

    public bool HasAlpha => ColourType == TruecolourWithAlpha;

    /// <summary>Pixels row by row, four bytes each (red, green, blue, alpha); alpha is 255 when the file has none.</summary>
    public byte[] Rgba { get; }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            yield return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    public static PngImage Read(byte[] file)
    {
        if (file.Length < Signature.Length || !file.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        int width = 0, height = 0;
        byte colourType = 0;
        using var compressed = new MemoryStream();
        for (var at = Signature.Length; at + 8 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var kind = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            switch (kind)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    var bitDepth = data[8];
                    colourType = data[9];
                    var interlace = data[12];
                    if (bitDepth != 8 || colourType is not (Truecolour or TruecolourWithAlpha) || interlace != 0)
                    {
                        throw new InvalidDataException($"PNG of bit depth {bitDepth}, colour type {colourType}, interlace {interlace}: only 8-bit truecolour (2) or truecolour with alpha (6), not interlaced, is read");
                    }

                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return new PngImage(width, height, colourType, Unfilter(raw.ToArray(), width, height, colourType == TruecolourWithAlpha ? 4 : 3));
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (raw.Length < height * (stride + 1))
        {
            throw new InvalidDataException("PNG image data is shorter than its size says");
        }

        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var x = 0; x < stride; x++)
            {
                int left = x >= bytesPerPixel ? line[x - bytesPerPixel] : 0;
                int up = previous[x];
                int upLeft = x >= bytesPerPixel ? previous[x - bytesPerPixel] : 0;
                line[x] = (byte)(line[x] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG row {y} has unknown filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var to = (y * width + x) * 4;
                line.AsSpan(x * bytesPerPixel, 3).CopyTo(rgba.AsSpan(to));
                rgba[to + 3] = bytesPerPixel == 4 ? line[x * bytesPerPixel + 3] : (byte)255;
            }

            previous = line;
        }

        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
