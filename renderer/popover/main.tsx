// Popover entry: connect the stores, start the countdown clock, render.
import { startClock } from '../state/clock';
import { mountWindow } from '../shared/mount';
import { PopoverApp } from './PopoverApp';
import '../shared/base.css';
import './popover.css';

mountWindow((bridge) => <PopoverApp bridge={bridge} />, startClock);
