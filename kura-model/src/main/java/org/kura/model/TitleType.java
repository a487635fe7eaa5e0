package org.kura.model;

public enum TitleType { MAIN, ALTERNATIVE, PARALLEL, SERIES, UNIFORM, VOLUME }
