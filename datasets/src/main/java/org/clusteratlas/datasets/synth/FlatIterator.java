package org.clusteratlas.datasets.synth;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Expands each input into a list of outputs lazily, so a partition never holds more than one entity's rows. */
final class FlatIterator<I, O> implements Iterator<O> {
  private final Iterator<I> input;
  private final Function<I, List<O>> expand;
  private Iterator<O> current = Collections.emptyIterator();

  FlatIterator(Iterator<I> input, Function<I, List<O>> expand) {
    this.input = input;
    this.expand = expand;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && input.hasNext()) {
      current = expand.apply(input.next()).iterator();
    }
    return current.hasNext();
  }

  @Override
  public O next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
