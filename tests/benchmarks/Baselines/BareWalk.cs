using System.Text.Json;

namespace PaperModel.Baselines;

/// <summary>Visits every token of every line with <see cref="Utf8JsonReader"/>; returns the number of tokens.</summary>
internal static class BareWalk
{
    public static long Run(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        int start = 0, end = 0;
        long tokens = 0;
        while (true)
        {
            var read = file.Read(buffer, end, buffer.Length - end);
            end += read;
            var data = buffer.AsSpan(start, end - start);
            int newline;
            while ((newline = data.IndexOf((byte)'\n')) >= 0)
            {
                tokens += Walk(data.Slice(0, newline));
                data = data.Slice(newline + 1);
            }

            if (read == 0)
            {
                return tokens + (data.IsEmpty ? 0 : Walk(data));
            }

            // Keep the unfinished line at the start of the buffer.
            data.CopyTo(buffer);
            start = 0;
            end = data.Length;
            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>Visits every token of one line; returns their number.</summary>
    public static long Walk(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        long tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
