using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Generators.Emitting;

/// <summary>
/// Text appended into fixed-size character arrays, which become the finished file's <see cref="SourceText"/>
/// as they are. A builder's text was copied once more into a string or into Roslyn's own chunks, and the files
/// of a big spec are megabytes: the copy doubled what the emitter allocated and the collector then moved.
/// </summary>
internal sealed class ChunkedText
{
    /// <summary>A chunk's length as a power of two, so that a position splits into chunk and offset by shifting.</summary>
    internal const int ChunkShift = 13;

    /// <summary>8,192 characters: 16 KB, far below the large object heap, whose objects only a full collection frees.</summary>
    internal const int ChunkLength = 1 << ChunkShift;

    private readonly List<char[]> _chunks = new();
    private char[] _current = new char[ChunkLength];
    private int _used;

    public int Length => (_chunks.Count << ChunkShift) + _used;

    public ChunkedText Append(char character)
    {
        if (_used == ChunkLength)
        {
            NextChunk();
        }

        _current[_used++] = character;
        return this;
    }

    public ChunkedText Append(char character, int count)
    {
        while (count > 0)
        {
            if (_used == ChunkLength)
            {
                NextChunk();
            }

            var length = Math.Min(count, ChunkLength - _used);
            for (var i = 0; i < length; i++)
            {
                _current[_used + i] = character;
            }

            _used += length;
            count -= length;
        }

        return this;
    }

    public ChunkedText Append(string text) => Append(text, 0, text.Length);

    public ChunkedText Append(string text, int start, int count)
    {
        while (count > 0)
        {
            if (_used == ChunkLength)
            {
                NextChunk();
            }

            var length = Math.Min(count, ChunkLength - _used);
            text.CopyTo(start, _current, _used, length);
            _used += length;
            start += length;
            count -= length;
        }

        return this;
    }

    /// <summary>The text as it stands; this builder is not to be used after.</summary>
    public SourceText ToSourceText()
    {
        // The last chunk is cut to what it holds: most files are one chunk, and smaller than a chunk.
        var length = Length;
        var last = new char[_used];
        Array.Copy(_current, last, _used);
        _chunks.Add(last);
        return new ChunkedSourceText(_chunks.ToArray(), length);
    }

    public override string ToString()
    {
        var builder = new StringBuilder(Length);
        foreach (var chunk in _chunks)
        {
            builder.Append(chunk);
        }

        return builder.Append(_current, 0, _used).ToString();
    }

    private void NextChunk()
    {
        _chunks.Add(_current);
        _current = new char[ChunkLength];
        _used = 0;
    }

    /// <summary>
    /// Every chunk but the last is <see cref="ChunkLength"/> long. Roslyn reads a text through
    /// <see cref="CopyTo"/> and the indexer only; everything else it has from <see cref="SourceText"/>.
    /// </summary>
    private sealed class ChunkedSourceText : SourceText
    {
        private readonly char[][] _chunks;

        public ChunkedSourceText(char[][] chunks, int length)
        {
            _chunks = chunks;
            Length = length;
        }

        public override Encoding Encoding => Encoding.UTF8;

        public override int Length { get; }

        public override char this[int position]
        {
            get
            {
                if ((uint)position >= (uint)Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(position));
                }

                return _chunks[position >> ChunkShift][position & (ChunkLength - 1)];
            }
        }

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            while (count > 0)
            {
                var chunk = _chunks[sourceIndex >> ChunkShift];
                var offset = sourceIndex & (ChunkLength - 1);
                var length = Math.Min(count, chunk.Length - offset);
                Array.Copy(chunk, offset, destination, destinationIndex, length);
                sourceIndex += length;
                destinationIndex += length;
                count -= length;
            }
        }
    }
}
