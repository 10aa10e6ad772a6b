namespace KeySell.Cli.Commands;

/// <summary>
/// Splits UTF-8 input into lines without decoding it, at <c>\n</c>, <c>\r\n</c> or <c>\r</c> as
/// <see cref="TextReader.ReadLine"/> does, skipping a byte-order mark at the start. It holds at most one line of up to
/// the limit: a longer line is read on in blocks and thrown away up to its end, so no input makes memory grow past
/// the limit and one bad line costs only itself.
/// </summary>
public sealed class JsonLines(Stream input, int maxLineBytes)
{
    public enum Next { Line, TooLong, End }

    private byte[] _buffer = new byte[Math.Min(1 << 16, maxLineBytes + 1)];
    private int _start;         // _buffer[_start.._end] is read but not yet handed out
    private int _end;
    private int _scanned;       // bytes after _start already known to hold no line break
    private bool _endOfInput;
    private bool _skipLineFeed; // the last line ended in \r: a \n right after it belongs to that break
    private bool _atStart = true;

    /// <summary>
    /// The next line, without its line break, in <paramref name="line"/>; valid until the next call. A line over the
    /// limit comes back as <see cref="Next.TooLong"/> with no bytes.
    /// </summary>
    public Next Read(out ReadOnlyMemory<byte> line)
    {
        line = default;
        while (true)
        {
            if (_atStart)
            {
                if (_end < 3 && !_endOfInput)
                {
                    Fill();
                    continue;
                }
                if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8)) _start = 3;
                _atStart = false;
            }
            if (_skipLineFeed && _start < _end)
            {
                if (_buffer[_start] == (byte)'\n') _start++;
                _skipLineFeed = false;
            }
            var at = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned).IndexOfAny((byte)'\n', (byte)'\r');
            if (at >= 0)
            {
                var lineEnd = _start + _scanned + at;
                line = _buffer.AsMemory(_start, lineEnd - _start);
                _skipLineFeed = _buffer[lineEnd] == (byte)'\r';
                _start = lineEnd + 1;
                _scanned = 0;
                return Checked(ref line);
            }
            _scanned = _end - _start;
            if (_endOfInput)
            {
                if (_start == _end) return Next.End;
                line = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                _scanned = 0;
                return Checked(ref line);
            }
            if (_end - _start > maxLineBytes)
            {
                SkipRestOfLine();
                return Next.TooLong;
            }
            Fill();
        }
    }

    private Next Checked(ref ReadOnlyMemory<byte> line)
    {
        if (line.Length <= maxLineBytes) return Next.Line;
        line = default;
        return Next.TooLong;
    }

    /// <summary>Keeps the unfinished line, moved to the front, and reads more after it; the buffer grows only up to one byte past the limit.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, (int)Math.Min(_buffer.Length * 2L, maxLineBytes + 1L));
        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _endOfInput = true;
        else _end += read;
    }

    /// <summary>Throws away what is held of the current line and reads on, a buffer at a time, to the next line break.</summary>
    private void SkipRestOfLine()
    {
        _start = _end = _scanned = 0;
        while (true)
        {
            var read = input.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _endOfInput = true;
                return;
            }
            var at = _buffer.AsSpan(0, read).IndexOfAny((byte)'\n', (byte)'\r');
            if (at < 0) continue;
            _skipLineFeed = _buffer[at] == (byte)'\r';
            _start = at + 1;
            _end = read;
            return;
        }
    }
}
