using KeySell.Application.Common;

namespace KeySell.Application.Tests.Common;

public sealed class BoundedReadTests
{
    /// <summary>Hands out at most a few bytes a read, as a network stream may, and counts what was taken.</summary>
    private sealed class TrickleStream(long length) : Stream
    {
        public long Taken { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(Math.Min(count, 7), length - Taken);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            Taken += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Taken; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(1000)]
    public async Task ReadAsync_StreamUpToTheLimit_ReturnsEveryByte(int length)
    {
        var read = await BoundedRead.ReadAsync(new TrickleStream(length), 1000, declaredLength: null, TestContext.Current.CancellationToken);

        read.ShouldNotBeNull().Length.ShouldBe(length);
    }

    [Fact]
    public async Task ReadAsync_StreamFarOverTheLimit_StopsOneBytePastIt()
    {
        var stream = new TrickleStream(10_000_000);

        var read = await BoundedRead.ReadAsync(stream, 1000, declaredLength: null, TestContext.Current.CancellationToken);

        read.ShouldBeNull();
        stream.Taken.ShouldBe(1001);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthThatLies_StillStopsOneBytePastTheLimit()
    {
        var stream = new TrickleStream(5_000);

        var read = await BoundedRead.ReadAsync(stream, 1000, declaredLength: 10, TestContext.Current.CancellationToken);

        read.ShouldBeNull();
        stream.Taken.ShouldBe(1001);
    }

    [Theory]
    [InlineData(int.MaxValue, 200)]
    [InlineData(10_737_420, 200)]
    [InlineData(1_000_000, int.MaxValue)]
    public void PageRequest_HugePage_OffsetNeverWraps(int page, int size)
    {
        var request = new PageRequest(page, size);

        request.Skip.ShouldBe((1_000_000 - 1) * 200);
        request.Take.ShouldBe(200);
    }
}
